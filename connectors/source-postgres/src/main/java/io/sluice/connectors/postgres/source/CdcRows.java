package io.sluice.connectors.postgres.source;

import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Debezium change events into rows of the configured streams: the row image (the new one,
 * or the old key for a delete) plus {@code _ab_cdc_lsn}, {@code _ab_cdc_updated_at} and, for a
 * delete, {@code _ab_cdc_deleted_at}. Debezium runs with {@code decimal.handling.mode=string} and
 * its default adaptive microsecond temporal types.
 */
final class CdcRows {
    private final Map<String, Integer> streamIndexByTable;
    private final List<RowSchema> schemas;

    /** @param streamIndexByTable {@code schema.table} to the stream index in the catalog */
    CdcRows(Map<String, Integer> streamIndexByTable, List<RowSchema> schemas) {
        this.streamIndexByTable = Map.copyOf(streamIndexByTable);
        this.schemas = List.copyOf(schemas);
    }

    /** A change event's row, with its stream index; empty for events that are not row changes. */
    record Change(int streamIndex, Object[] row, boolean snapshot) {}

    Optional<Change> change(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("op") == null) {
            return Optional.empty();
        }
        String op = value.getString("op");
        Struct source = value.getStruct("source");
        Integer index = streamIndexByTable.get(source.getString("schema") + "." + source.getString("table"));
        if (index == null || op.equals("t")) {
            return Optional.empty();
        }
        boolean delete = op.equals("d");
        Struct image = delete ? value.getStruct("before") : value.getStruct("after");
        Object snapshot = source.get("snapshot");
        boolean inSnapshot = snapshot != null && !"false".equals(snapshot.toString());
        RowSchema schema = schemas.get(index);
        Object[] row = new Object[schema.size()];
        Instant at = Instant.ofEpochMilli(source.getInt64("ts_ms"));
        for (int i = 0; i < row.length; i++) {
            RowSchema.Column column = schema.column(i);
            row[i] = switch (column.name()) {
                case CdcColumns.LSN -> source.getInt64("lsn");
                case CdcColumns.UPDATED_AT -> at;
                case CdcColumns.DELETED_AT -> delete ? at : null;
                default -> image == null ? null : value(image, column);
            };
        }
        return Optional.of(new Change(index, row, inSnapshot));
    }

    private static Object value(Struct image, RowSchema.Column column) {
        Field field = image.schema().field(column.name());
        if (field == null) {
            return null;
        }
        Object v = image.get(field);
        return v == null ? null : convert(v, field.schema(), column.type());
    }

    static Object convert(Object v, Schema schema, ValueType type) {
        String logical = schema.name() == null ? "" : schema.name();
        return switch (logical) {
            case "io.debezium.time.Date" -> LocalDate.ofEpochDay(((Number) v).longValue());
            case "io.debezium.time.MicroTimestamp" -> micros(((Number) v).longValue());
            case "io.debezium.time.Timestamp" -> micros(((Number) v).longValue() * 1000);
            case "io.debezium.time.ZonedTimestamp" -> OffsetDateTime.parse(v.toString()).toInstant();
            case "io.debezium.time.MicroTime" -> LocalTime.ofNanoOfDay(((Number) v).longValue() * 1000);
            case "io.debezium.time.ZonedTime" -> OffsetTime.parse(v.toString());
            default -> plain(v, type);
        };
    }

    private static LocalDateTime micros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000,
                ZoneOffset.UTC);
    }

    private static Object plain(Object v, ValueType type) {
        if (v instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            v = bytes;
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return switch (type) {
            case INTEGER -> v instanceof Number n ? (Object) n.longValue() : new BigDecimal(v.toString()).toBigInteger();
            case NUMBER -> v instanceof String s ? new BigDecimal(s) : v instanceof Float f ? (Object) f.doubleValue() : v;
            case STRING -> v.toString();
            case OBJECT, ARRAY, JSON -> v instanceof String s ? json(s) : v;
            default -> v;
        };
    }

    private static Object json(String text) {
        try {
            return RowJson.toPlain(MessageCodec.mapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
