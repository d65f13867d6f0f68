package io.sluice.cdk.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.cdk.RowJson;
import io.sluice.protocol.MessageCodec;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads one column of the current row of a {@link ResultSet} as a row value (see
 * {@link io.sluice.cdk.ValueType}). A source chooses one reader per column before the first row,
 * so that no per-value type switch runs on the hot path. Called on the reading thread only.
 */
@FunctionalInterface
public interface ColumnReader {

    /**
     * The value of column {@code index} (1-based) of the current row, or {@code null} for SQL NULL.
     *
     * @throws SQLException as the driver throws it
     */
    Object read(ResultSet rs, int index) throws SQLException;

    /** INTEGER columns that fit in a long (smallint, integer, bigint) as {@link Long}. */
    static ColumnReader longs() {
        return (rs, i) -> {
            long v = rs.getLong(i);
            return v == 0 && rs.wasNull() ? null : v;
        };
    }

    /** Floating point columns as {@link Double}. */
    static ColumnReader doubles() {
        return (rs, i) -> {
            double v = rs.getDouble(i);
            return v == 0 && rs.wasNull() ? null : v;
        };
    }

    /**
     * Exact decimals as {@link BigDecimal}; values a BigDecimal cannot hold (NaN, infinities) as
     * {@link Double}.
     */
    static ColumnReader decimals() {
        return (rs, i) -> {
            String text = rs.getString(i);
            if (text == null) {
                return null;
            }
            char first = text.isEmpty() ? ' ' : text.charAt(0);
            if (first == 'N' || first == 'I' || (first == '-' && text.length() > 1 && text.charAt(1) == 'I')) {
                return Double.valueOf(text);
            }
            return new BigDecimal(text);
        };
    }

    static ColumnReader booleans() {
        return (rs, i) -> {
            boolean v = rs.getBoolean(i);
            return !v && rs.wasNull() ? null : v;
        };
    }

    static ColumnReader strings() {
        return ResultSet::getString;
    }

    /** A value the driver converts to {@code type} itself (LocalDate, LocalDateTime, LocalTime, OffsetTime). */
    static <T> ColumnReader objects(Class<T> type) {
        requireNonNull(type, "type");
        return (rs, i) -> rs.getObject(i, type);
    }

    /** Timestamps with time zone as {@link java.time.Instant}. */
    static ColumnReader instants() {
        return (rs, i) -> {
            OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
            return v == null ? null : v.toInstant();
        };
    }

    /** Binary columns as base64 text. */
    static ColumnReader base64() {
        Base64.Encoder encoder = Base64.getEncoder();
        return (rs, i) -> {
            byte[] v = rs.getBytes(i);
            return v == null ? null : encoder.encodeToString(v);
        };
    }

    /** JSON text columns as plain values (Map, List, String, Long, Double, BigDecimal, Boolean). */
    static ColumnReader json() {
        return (rs, i) -> {
            String text = rs.getString(i);
            if (text == null) {
                return null;
            }
            try {
                return RowJson.toPlain(MessageCodec.mapper().readTree(text));
            } catch (JsonProcessingException e) {
                throw new SQLException("column " + i + " holds text that is not JSON", e);
            }
        };
    }

    /**
     * SQL arrays as {@code List}s (nested for several dimensions), each element passed through
     * {@code element} (which turns driver objects into plain values and gets non-null elements only).
     */
    static ColumnReader lists(UnaryOperator<Object> element) {
        requireNonNull(element, "element");
        return (rs, i) -> {
            Array array = rs.getArray(i);
            if (array == null) {
                return null;
            }
            try {
                return toList((Object[]) array.getArray(), element);
            } finally {
                array.free();
            }
        };
    }

    private static List<Object> toList(Object[] values, UnaryOperator<Object> element) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object v : values) {
            if (v == null) {
                list.add(null);
            } else if (v instanceof Object[] nested) {
                list.add(toList(nested, element));
            } else {
                list.add(element.apply(v));
            }
        }
        return list;
    }
}
