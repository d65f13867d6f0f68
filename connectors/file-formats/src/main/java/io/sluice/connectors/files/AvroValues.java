package io.sluice.connectors.files;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro values (as parquet-avro reads Parquet columns) as row values: dates, times and timestamps
 * by their logical type (timestamps adjusted to UTC as Instant, local ones as LocalDateTime),
 * decimals as BigDecimal, 32-bit numbers widened, text as String, records and maps as Map, arrays
 * as List, bytes as byte[].
 */
final class AvroValues {
    private AvroValues() {}

    static Object plain(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        Schema s = nonNull(schema, value);
        LogicalType logical = s.getLogicalType();
        if (logical != null) {
            Object converted = logical(value, s, logical);
            if (converted != null) {
                return converted;
            }
        }
        return switch (value) {
            case CharSequence text -> text.toString();
            case GenericData.EnumSymbol symbol -> symbol.toString();
            case Integer i -> (long) i;
            case Float f -> Double.parseDouble(f.toString());
            case ByteBuffer bytes -> bytes(bytes);
            case GenericData.Fixed fixed -> fixed.bytes().clone();
            case GenericRecord record -> record(record);
            case Map<?, ?> map -> map(map, s);
            case Collection<?> list -> list(list, s);
            default -> value;
        };
    }

    private static Object logical(Object value, Schema s, LogicalType logical) {
        return switch (logical) {
            case LogicalTypes.Date d when value instanceof Integer days -> LocalDate.ofEpochDay(days);
            case LogicalTypes.TimeMillis t when value instanceof Integer ms -> LocalTime.ofNanoOfDay(ms * 1_000_000L);
            case LogicalTypes.TimeMicros t when value instanceof Long us -> LocalTime.ofNanoOfDay(us * 1_000L);
            case LogicalTypes.TimestampMillis t when value instanceof Long ms -> Instant.ofEpochMilli(ms);
            case LogicalTypes.TimestampMicros t when value instanceof Long us -> micros(us);
            case LogicalTypes.LocalTimestampMillis t when value instanceof Long ms ->
                    LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
            case LogicalTypes.LocalTimestampMicros t when value instanceof Long us ->
                    LocalDateTime.ofInstant(micros(us), ZoneOffset.UTC);
            case LogicalTypes.Decimal d when value instanceof ByteBuffer b ->
                    new BigDecimal(new BigInteger(bytes(b)), d.getScale());
            case LogicalTypes.Decimal d when value instanceof GenericData.Fixed f ->
                    new BigDecimal(new BigInteger(f.bytes()), d.getScale());
            default -> null;
        };
    }

    private static Instant micros(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static Map<String, Object> record(GenericRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            map.put(field.name(), plain(record.get(field.pos()), field.schema()));
        }
        return map;
    }

    private static Map<String, Object> map(Map<?, ?> values, Schema s) {
        Map<String, Object> map = new LinkedHashMap<>();
        Schema valueSchema = s.getType() == Schema.Type.MAP ? s.getValueType() : Schema.create(Schema.Type.NULL);
        values.forEach((k, v) -> map.put(String.valueOf(k), plain(v, valueSchema)));
        return map;
    }

    private static List<Object> list(Collection<?> values, Schema s) {
        Schema elementSchema = s.getType() == Schema.Type.ARRAY ? s.getElementType() : Schema.create(Schema.Type.NULL);
        List<Object> list = new ArrayList<>(values.size());
        for (Object v : values) {
            list.add(plain(v, elementSchema));
        }
        return list;
    }

    /** The branch of a union that the value belongs to (parquet-avro unions are {@code [null, T]}). */
    private static Schema nonNull(Schema schema, Object value) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return schema;
    }
}
