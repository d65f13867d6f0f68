package io.sluice.connectors.duckdb;

import io.sluice.cdk.JsonText;
import io.sluice.cdk.TemporalValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * Appends one value to a typed column. Top-level row values already have the column's Java type;
 * values nested in objects are plain (numbers, strings, booleans), so strings are parsed into
 * dates and times here. A value that cannot become the column's type is stored as NULL (the raw
 * table keeps the original) and counted by the caller.
 */
final class ColumnValues {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private ColumnValues() {}

    /** Appends {@code value} as {@code type}; false when it did not fit and NULL was appended. */
    static boolean append(DuckDBAppender appender, SqlType type, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return true;
        }
        boolean fits = switch (type) {
            case BIGINT -> appendLong(appender, value);
            case DOUBLE -> appendDouble(appender, value);
            case BOOLEAN -> appendBoolean(appender, value);
            case VARCHAR -> {
                appender.append(value instanceof String s ? s
                        : value instanceof Map<?, ?> || value instanceof List<?> ? JsonText.of(value)
                        : value.toString());
                yield true;
            }
            case JSON -> {
                appender.append(value instanceof JsonDocument d ? d.text() : JsonText.of(value));
                yield true;
            }
            case DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> appendTemporal(appender, type, value);
        };
        if (!fits) {
            appender.appendNull();
        }
        return fits;
    }

    private static boolean appendLong(DuckDBAppender appender, Object value) throws SQLException {
        switch (value) {
            case Long l -> appender.append(l.longValue());
            case Integer i -> appender.append(i.longValue());
            case Short s -> appender.append(s.longValue());
            case BigInteger b when b.bitLength() < Long.SIZE -> appender.append(b.longValue());
            case BigDecimal d when isLong(d) -> appender.append(d.longValueExact());
            case Double d when d == Math.rint(d) && Math.abs(d) < 0x1p63 -> appender.append(d.longValue());
            case String s -> {
                try {
                    appender.append(Long.parseLong(s.trim()));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean isLong(BigDecimal d) {
        try {
            d.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static boolean appendDouble(DuckDBAppender appender, Object value) throws SQLException {
        if (value instanceof Number n) {
            appender.append(n.doubleValue());
            return true;
        }
        if (value instanceof String s) {
            try {
                appender.append(Double.parseDouble(s.trim()));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean appendBoolean(DuckDBAppender appender, Object value) throws SQLException {
        if (value instanceof Boolean b) {
            appender.append(b.booleanValue());
            return true;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            appender.append(Boolean.parseBoolean(s));
            return true;
        }
        return false;
    }

    private static boolean appendTemporal(DuckDBAppender appender, SqlType type, Object value)
            throws SQLException {
        try {
            switch (type) {
                case DATE -> appender.append(TemporalValues.date(value));
                case TIME -> appender.append(value instanceof LocalTime t ? t : LocalTime.parse(value.toString()));
                case TIMETZ -> appender.append(value instanceof OffsetTime t ? t : OffsetTime.parse(value.toString()));
                case TIMESTAMP -> appender.append(TemporalValues.localDateTime(value));
                case TIMESTAMPTZ -> appender.appendEpochMicros(epochMicros(TemporalValues.instant(value)));
                default -> throw new IllegalArgumentException("not temporal: " + type);
            }
            return true;
        } catch (DateTimeParseException | ClassCastException e) {
            return false;
        }
    }

    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1_000;
    }
}
