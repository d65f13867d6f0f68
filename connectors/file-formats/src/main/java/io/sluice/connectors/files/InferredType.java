package io.sluice.connectors.files;

import io.sluice.cdk.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a column's sampled values say about its type. Types widen as more values are seen:
 * integer to number, date to timestamp (to timestamp with time zone), and anything that does not
 * fit together to string. A column of nulls only is a string.
 */
enum InferredType {
    NULL,
    BOOLEAN,
    INTEGER,
    NUMBER,
    DATE,
    TIMESTAMP,
    TIMESTAMP_TZ,
    OBJECT,
    ARRAY,
    STRING;

    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP_TEXT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern OFFSET_TEXT = Pattern.compile("\\s?(?:[Zz]|[+-]\\d{2}(?::?\\d{2})?)");

    /** The narrowest type holding both. */
    InferredType widen(InferredType other) {
        if (this == other || other == NULL) {
            return this;
        }
        if (this == NULL) {
            return other;
        }
        List<InferredType> pair = List.of(this, other);
        if (pair.contains(STRING) || pair.contains(OBJECT) || pair.contains(ARRAY) || pair.contains(BOOLEAN)) {
            return STRING;
        }
        boolean numeric = (this == INTEGER || this == NUMBER) && (other == INTEGER || other == NUMBER);
        if (numeric) {
            return NUMBER;
        }
        boolean temporal = this.ordinal() >= DATE.ordinal() && this.ordinal() <= TIMESTAMP_TZ.ordinal()
                && other.ordinal() >= DATE.ordinal() && other.ordinal() <= TIMESTAMP_TZ.ordinal();
        return temporal ? values()[Math.max(ordinal(), other.ordinal())] : STRING;
    }

    /** The column type a stream schema gets for it. */
    ValueType valueType() {
        return switch (this) {
            case BOOLEAN -> ValueType.BOOLEAN;
            case INTEGER -> ValueType.INTEGER;
            case NUMBER -> ValueType.NUMBER;
            case DATE -> ValueType.DATE;
            case TIMESTAMP -> ValueType.TIMESTAMP;
            case TIMESTAMP_TZ -> ValueType.TIMESTAMP_TZ;
            case OBJECT -> ValueType.OBJECT;
            case ARRAY -> ValueType.ARRAY;
            case NULL, STRING -> ValueType.STRING;
        };
    }

    /**
     * The type of one value. Text read from CSV ({@code textValues}) may be a boolean, an integer
     * (not one with a leading zero, which is kept as text: codes and zip codes), a number, a date
     * or a timestamp; a JSON string may be a date or a timestamp.
     */
    static InferredType of(Object value, boolean textValues) {
        return switch (value) {
            case null -> NULL;
            case String s -> textValues ? ofText(s) : ofTemporalText(s);
            case Boolean b -> BOOLEAN;
            case Long l -> INTEGER;
            case Integer i -> INTEGER;
            case BigInteger i -> INTEGER;
            case Double d -> NUMBER;
            case BigDecimal d -> NUMBER;
            case LocalDate d -> DATE;
            case LocalDateTime t -> TIMESTAMP;
            case Instant i -> TIMESTAMP_TZ;
            case OffsetDateTime t -> TIMESTAMP_TZ;
            case Map<?, ?> m -> OBJECT;
            case List<?> l -> ARRAY;
            default -> STRING;
        };
    }

    private static InferredType ofText(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return NULL;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return BOOLEAN;
        }
        if (PlainNumbers.isInteger(s)) {
            return hasLeadingZero(s) ? STRING : INTEGER;
        }
        if (PlainNumbers.isDecimal(s)) {
            return hasLeadingZero(s) ? STRING : NUMBER;
        }
        return ofTemporalText(s);
    }

    private static InferredType ofTemporalText(String text) {
        String s = text.strip();
        if (s.length() < 10 || s.length() > 40 || (s.charAt(0) < '0' || s.charAt(0) > '9')) {
            return STRING;
        }
        try {
            if (DATE_TEXT.matcher(s).matches()) {
                LocalDate.parse(s);
                return DATE;
            }
            var m = TIMESTAMP_TEXT.matcher(s);
            if (m.lookingAt()) {
                String rest = s.substring(m.end());
                if (rest.isEmpty()) {
                    ValueConversion.convert(ValueType.TIMESTAMP, s);
                    return TIMESTAMP;
                }
                if (OFFSET_TEXT.matcher(rest).matches()) {
                    ValueConversion.convert(ValueType.TIMESTAMP_TZ, s);
                    return TIMESTAMP_TZ;
                }
            }
        } catch (RuntimeException notADate) {
            return STRING;
        }
        return STRING;
    }

    /** {@code 007}, {@code -01.5}: a leading zero before more digits. */
    private static boolean hasLeadingZero(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        return s.length() > i + 1 && s.charAt(i) == '0' && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9';
    }
}
