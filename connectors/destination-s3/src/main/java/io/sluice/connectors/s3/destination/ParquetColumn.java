package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.TemporalValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * How one stream column is stored in Parquet, from its JSON schema:
 *
 * <ul>
 *   <li>integer: INT64; boolean: BOOLEAN; string: UTF-8 STRING
 *   <li>number: DOUBLE, or DECIMAL(precision, scale) when the property schema gives integer
 *       {@code precision} (1-38) and {@code scale} keywords (values are rounded half-up to the scale)
 *   <li>string/date: DATE; date-time: TIMESTAMP(MICROS) adjusted to UTC, or local (not adjusted)
 *       for {@code timestamp_without_timezone}; time: TIME(MICROS), UTC-adjusted when with time zone
 *   <li>objects, arrays and untyped values: STRING holding the value as JSON text. Plain UTF-8 strings
 *       rather than Parquet's JSON annotation, which not every engine maps; every reader (DuckDB,
 *       Dremio, Spark) reads a string, and DuckDB's JSON functions take it as it is
 * </ul>
 */
record ParquetColumn(String name, Kind kind, int precision, int scale) {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    enum Kind { STRING, LONG, DOUBLE, DECIMAL_LONG, DECIMAL_BYTES, BOOLEAN, DATE, TIME, TIME_UTC, TIMESTAMP_LOCAL,
        TIMESTAMP_UTC, JSON }

    ParquetColumn {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
    }

    static ParquetColumn of(RowSchema.Column column) {
        Kind kind = switch (column.type()) {
            case STRING -> Kind.STRING;
            case INTEGER -> Kind.LONG;
            case NUMBER -> decimalPrecision(column.schema()) == 0 ? Kind.DOUBLE
                    : decimalPrecision(column.schema()) <= 18 ? Kind.DECIMAL_LONG : Kind.DECIMAL_BYTES;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case TIME -> Kind.TIME;
            case TIME_TZ -> Kind.TIME_UTC;
            case TIMESTAMP -> Kind.TIMESTAMP_LOCAL;
            case TIMESTAMP_TZ -> Kind.TIMESTAMP_UTC;
            case OBJECT, ARRAY, JSON -> Kind.JSON;
        };
        boolean decimal = kind == Kind.DECIMAL_LONG || kind == Kind.DECIMAL_BYTES;
        return new ParquetColumn(column.name(), kind, decimal ? decimalPrecision(column.schema()) : 0,
                decimal ? column.schema().path("scale").asInt() : 0);
    }

    /** The precision a number property declares for a DECIMAL column, 0 when it declares none (or an unusable one). */
    static int decimalPrecision(JsonNode schema) {
        JsonNode precision = schema.path("precision");
        JsonNode scale = schema.path("scale");
        if (!precision.isIntegralNumber() || !scale.isIntegralNumber()) {
            return 0;
        }
        int p = precision.asInt();
        int s = scale.asInt();
        return p >= 1 && p <= 38 && s >= 0 && s <= p ? p : 0;
    }

    /** The column's optional Parquet field. */
    Type type() {
        return switch (kind) {
            case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case JSON -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case LONG -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case DECIMAL_LONG -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.decimalType(scale, precision)).named(name);
            case DECIMAL_BYTES -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16)
                    .as(LogicalTypeAnnotation.decimalType(scale, precision)).named(name);
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
            case TIME -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS)).named(name);
            case TIME_UTC -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timeType(true, TimeUnit.MICROS)).named(name);
            case TIMESTAMP_LOCAL -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named(name);
            case TIMESTAMP_UTC -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name);
        };
    }

    /**
     * Adds a non-null value to the column's writer (definition level 1: the fields are optional and
     * top-level); {@code json} renders nested values. Throws before writing anything when the value
     * does not fit.
     */
    void write(ColumnWriter out, Object value, JsonTextBuffer json) {
        switch (kind) {
            case STRING -> out.write(utf8(value instanceof String s ? s : JsonValues.text(value)), 0, 1);
            case JSON -> out.write(utf8(json.value(value).toString()), 0, 1);
            case LONG -> out.write(longValue(value), 0, 1);
            case DOUBLE -> out.write(value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString()),
                    0, 1);
            case DECIMAL_LONG -> out.write(unscaled(value).longValueExact(), 0, 1);
            case DECIMAL_BYTES -> out.write(Binary.fromConstantByteArray(sixteenBytes(unscaled(value))), 0, 1);
            case BOOLEAN -> out.write(value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString()), 0, 1);
            case DATE -> out.write(Math.toIntExact(TemporalValues.date(value).toEpochDay()), 0, 1);
            case TIME -> out.write(micros(value instanceof LocalTime t ? t : LocalTime.parse(value.toString())), 0, 1);
            case TIME_UTC -> out.write(micros(utcTime(value)), 0, 1);
            case TIMESTAMP_LOCAL -> out.write(ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0),
                    TemporalValues.localDateTime(value)), 0, 1);
            case TIMESTAMP_UTC -> out.write(epochMicros(TemporalValues.instant(value)), 0, 1);
        }
    }

    /** UTF-8 bytes in a fresh array, which Parquet may keep (dictionary, statistics) without copying. */
    private static Binary utf8(String text) {
        return Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
    }

    static long epochMicros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static long longValue(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case BigInteger b when b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0 -> b.longValue();
            case BigInteger b -> throw new ArithmeticException(b + " does not fit a 64-bit integer");
            case Number n -> new BigDecimal(n.toString()).longValueExact();
            default -> Long.parseLong(value.toString());
        };
    }

    private BigInteger unscaled(Object value) {
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return decimal.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
    }

    private static byte[] sixteenBytes(BigInteger unscaled) {
        byte[] minimal = unscaled.toByteArray();
        if (minimal.length > 16) {
            throw new ArithmeticException(unscaled + " has more than 38 digits");
        }
        byte[] bytes = new byte[16];
        byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
        java.util.Arrays.fill(bytes, 0, 16 - minimal.length, fill);
        System.arraycopy(minimal, 0, bytes, 16 - minimal.length, minimal.length);
        return bytes;
    }

    private static LocalTime utcTime(Object value) {
        OffsetTime t = value instanceof OffsetTime o ? o : OffsetTime.parse(value.toString());
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }

    private static long micros(LocalTime t) {
        return t.toNanoOfDay() / 1_000;
    }
}
