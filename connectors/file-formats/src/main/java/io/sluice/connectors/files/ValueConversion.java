package io.sluice.connectors.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cdk.JsonText;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.TemporalValues;
import io.sluice.cdk.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.temporal.Temporal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Converts a value as a file gave it ({@link FieldSink}) to the Java type its column holds
 * ({@link ValueType}): text is parsed, numbers widened, nested values kept or written as JSON
 * text for a string column.
 */
final class ValueConversion {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValueConversion() {}

    /**
     * @throws IllegalArgumentException (or a DateTimeException) when the value does not fit the
     *     type; the message says why
     */
    static Object convert(ValueType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> text(value);
            case INTEGER -> integer(value);
            case NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case DATE -> value instanceof LocalDate d ? d : TemporalValues.date(value);
            case TIMESTAMP -> value instanceof LocalDateTime t ? t : TemporalValues.localDateTime(value);
            case TIMESTAMP_TZ -> value instanceof Instant i ? i : TemporalValues.instant(value);
            case TIME -> value instanceof LocalTime t ? t : LocalTime.parse(value.toString().strip());
            case TIME_TZ -> value instanceof OffsetTime t ? t : OffsetTime.parse(value.toString().strip());
            case OBJECT -> value instanceof Map<?, ?> ? value : nested(value, Map.class, "an object");
            case ARRAY -> value instanceof List<?> ? value : nested(value, List.class, "an array");
            case JSON -> value instanceof Temporal || value instanceof byte[] ? text(value) : value;
        };
    }

    private static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Map<?, ?> m -> JsonText.of(m);
            case List<?> l -> JsonText.of(l);
            default -> value.toString();
        };
    }

    private static Object integer(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> (long) i;
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : b;
            case String s -> {
                Object parsed = PlainNumbers.integer(s);
                if (parsed == null) {
                    throw new IllegalArgumentException("\"" + s + "\" is not an integer");
                }
                yield parsed;
            }
            case Double d when d == Math.rint(d) && Math.abs(d) < 0x1p63 -> d.longValue();
            case BigDecimal d when d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 -> integer(d.toBigInteger());
            default -> throw new IllegalArgumentException(describe(value) + " is not an integer");
        };
    }

    private static Object number(Object value) {
        return switch (value) {
            case Double d -> d;
            case BigDecimal d -> d;
            case Long l -> PlainNumbers.number(l);
            case Integer i -> (double) i;
            case BigInteger b -> new BigDecimal(b);
            case String s -> {
                Object parsed = PlainNumbers.parse(s);
                if (parsed == null) {
                    throw new IllegalArgumentException("\"" + s + "\" is not a number");
                }
                yield parsed;
            }
            default -> throw new IllegalArgumentException(describe(value) + " is not a number");
        };
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            if (s.strip().equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.strip().equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        throw new IllegalArgumentException(describe(value) + " is not a boolean (true or false)");
    }

    /** A Map or List from JSON text (a CSV cell holding an object or array). */
    private static Object nested(Object value, Class<?> kind, String what) {
        if (value instanceof String s) {
            try {
                Object parsed = RowJson.toPlain(JSON.readTree(s));
                if (kind.isInstance(parsed)) {
                    return parsed;
                }
            } catch (JsonProcessingException notJson) {
                // reported below
            }
        }
        throw new IllegalArgumentException(describe(value) + " is not " + what);
    }

    private static String describe(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
