package io.sluice.connectors.postgres.destination;

import io.sluice.cdk.JsonText;
import io.sluice.cdk.TemporalValues;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.normalization.HashId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings a row value to the one Java class the encoders take for a column type: Long for the
 * integer types, BigDecimal (or a non-finite Double) for numeric, Double for the float types,
 * Boolean, String for text and JSON text, LocalDate, LocalTime, OffsetTime, LocalDateTime, Instant
 * and UUID; text columns also take the row ids ({@link HashId}, UUID) that the encoders write as
 * text without a String. Top-level row values normally have that class already and pass through untouched;
 * values nested in objects are plain JSON values, so strings are parsed here. Empty means the value
 * cannot become the column's type: the caller stores NULL and counts it.
 */
final class PgValues {
    private PgValues() {}

    /** JSON text to store in a JSON column as it is (a whole raw row). */
    record JsonDocument(String text) {
        JsonDocument {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    static Optional<Object> convert(PgType type, Object value) {
        try {
            return Optional.ofNullable(switch (type) {
                case INT8 -> toLong(value);
                case INT4 -> ranged(toLong(value), Integer.MIN_VALUE, Integer.MAX_VALUE);
                case INT2 -> ranged(toLong(value), Short.MIN_VALUE, Short.MAX_VALUE);
                case NUMERIC -> toNumeric(value);
                case FLOAT8, FLOAT4 -> toDouble(value);
                case BOOL -> toBoolean(value);
                case TEXT, VARCHAR, OTHER -> toText(value);
                case JSONB, JSON -> toJson(value);
                case DATE -> TemporalValues.date(value);
                case TIME -> value instanceof LocalTime t ? t : LocalTime.parse(value.toString());
                case TIMETZ -> value instanceof OffsetTime t ? t : OffsetTime.parse(value.toString());
                case TIMESTAMP -> TemporalValues.localDateTime(value);
                case TIMESTAMPTZ -> TemporalValues.instant(value);
                case UUID -> value instanceof UUID u ? u : UUID.fromString(value.toString());
            });
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Long ranged(Long value, long min, long max) {
        return value != null && value >= min && value <= max ? value : null;
    }

    private static Long toLong(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case BigInteger b when b.bitLength() < Long.SIZE -> b.longValue();
            case BigDecimal d -> d.longValueExact();
            case Double d when d == Math.rint(d) && Math.abs(d) < 0x1p63 -> d.longValue();
            case String s -> Long.parseLong(s.trim());
            default -> null;
        };
    }

    private static Object toNumeric(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case Double d when d.isNaN() || d.isInfinite() -> d;
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> toNumeric(f.doubleValue());
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case BigInteger b -> new BigDecimal(b);
            case String s -> new BigDecimal(s.trim());
            default -> null;
        };
    }

    private static Double toDouble(Object value) {
        return switch (value) {
            case Double d -> d;
            case Number n -> n.doubleValue();
            case String s -> Double.parseDouble(s.trim());
            default -> null;
        };
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        return null;
    }

    private static String toText(Object value) {
        return switch (value) {
            case String s -> s;
            case JsonDocument d -> d.text();
            case Map<?, ?> m -> JsonText.of(m);
            case List<?> l -> JsonText.of(l);
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
    }

    private static final java.util.regex.Pattern JSON_NUL = java.util.regex.Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    /** JSON text without {@code \\u0000} escapes, which jsonb rejects (as Airbyte does, NUL is dropped). */
    private static String toJson(Object value) {
        String text = value instanceof JsonDocument d ? d.text() : JsonText.of(value);
        return text.contains("\\u0000") ? JSON_NUL.matcher(text).replaceAll("$1") : text;
    }

    /**
     * The class whose every value is canonical for the type, so that one class comparison settles
     * it; Void for types where it depends on the value (ranges) or that have no such class.
     */
    static Class<?> canonicalClass(PgType type) {
        return switch (type) {
            case INT8 -> Long.class;
            case NUMERIC -> BigDecimal.class;
            case FLOAT8 -> Double.class;
            case BOOL -> Boolean.class;
            case TEXT, VARCHAR -> String.class;
            case DATE -> LocalDate.class;
            case TIMESTAMPTZ -> Instant.class;
            case TIMESTAMP -> LocalDateTime.class;
            default -> Void.class;
        };
    }

    /** Whether a Java value needs no conversion for the type (the hot path skips {@link #convert}). */
    static boolean isCanonical(PgType type, Object value) {
        return switch (type) {
            case INT8 -> value instanceof Long;
            case INT4 -> value instanceof Long l && l == (int) l.longValue();
            case INT2 -> value instanceof Long l && l == (short) l.longValue();
            case NUMERIC -> value instanceof BigDecimal;
            case FLOAT8 -> value instanceof Double;
            case BOOL -> value instanceof Boolean;
            case TEXT, VARCHAR -> value instanceof String || value instanceof HashId || value instanceof UUID;
            case OTHER -> value instanceof String;
            case DATE -> value instanceof LocalDate;
            case TIMESTAMPTZ -> value instanceof Instant;
            case TIMESTAMP -> value instanceof LocalDateTime;
            default -> false;
        };
    }
}
