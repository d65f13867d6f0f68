package io.sluice.connectors.mysql.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowJson;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;

/**
 * Turns one binlog row value into the value the Standard read gives for the same column
 * ({@link MySqlType#reader()}), so a row reads alike from a snapshot and from a change. The binlog
 * client runs with temporal values as microseconds (UTC based), text and binary as bytes, and
 * invalid (zero) dates as {@code Long.MIN_VALUE}; integers arrive signed.
 *
 * @param charset how the column's text bytes decode; null for binary columns
 * @param binlogType the column type byte of the TABLE_MAP event
 */
record BinlogValues(MySqlType type, Charset charset, int binlogType, List<String> labels) {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int MYSQL_JSON = ColumnType.JSON.getCode();

    BinlogValues {
        labels = List.copyOf(labels);
    }

    /** @param columnType COLUMN_TYPE as declared (enum and set labels keep their case) */
    static BinlogValues of(MySqlType type, Charset charset, int binlogType, String columnType) {
        boolean labelled = type.dataType().equals("enum") || type.dataType().equals("set");
        return new BinlogValues(type, charset, binlogType, labelled ? labels(columnType) : List.of());
    }

    Object convert(Serializable v) {
        if (v == null) {
            return null;
        }
        if (type.json()) {
            return json(v);
        }
        if (type.isBoolean()) {
            return v instanceof BitSet bits ? !bits.isEmpty() : ((Number) v).longValue() != 0;
        }
        return switch (type.valueType()) {
            case INTEGER -> integer(v);
            case NUMBER -> number(v);
            case DATE -> micros(v) == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(Math.floorDiv(micros(v), MICROS_PER_DAY));
            case TIME -> micros(v) >= 0 && micros(v) < MICROS_PER_DAY ? LocalTime.ofNanoOfDay(micros(v) * 1000) : null;
            case TIMESTAMP -> micros(v) == Long.MIN_VALUE ? null : dateTime(micros(v));
            case TIMESTAMP_TZ -> micros(v) == Long.MIN_VALUE ? null : dateTime(micros(v)).toInstant(ZoneOffset.UTC);
            default -> text(v);
        };
    }

    private Object integer(Serializable v) {
        if (v instanceof BitSet bits) {
            BigInteger value = new BigInteger(1, reverse(bits.toByteArray()));
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }
        long n = ((Number) v).longValue();
        if (!type.unsigned()) {
            return n;
        }
        return switch (type.dataType()) {
            case "tinyint" -> n & 0xFFL;
            case "smallint" -> n & 0xFFFFL;
            case "mediumint" -> n & 0xFF_FFFFL;
            case "int", "integer" -> n & 0xFFFF_FFFFL;
            default -> n;
        };
    }

    private static Object number(Serializable v) {
        return switch (v) {
            case BigDecimal d -> d;
            case Float f -> Double.parseDouble(Float.toString(f));
            case Double d -> d;
            // BIGINT UNSIGNED arrives as a signed long
            case Long l -> new BigDecimal(Long.toUnsignedString(l));
            case Number n -> BigDecimal.valueOf(n.longValue());
            default -> new BigDecimal(v.toString());
        };
    }

    private Object text(Serializable v) {
        if (type.dataType().equals("enum")) {
            int index = ((Number) v).intValue();
            return index >= 1 && index <= labels.size() ? labels.get(index - 1) : "";
        }
        if (type.dataType().equals("set")) {
            long bits = ((Number) v).longValue();
            List<String> members = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                if ((bits & (1L << i)) != 0) {
                    members.add(labels.get(i));
                }
            }
            return String.join(",", members);
        }
        if (!(v instanceof byte[] bytes)) {
            return v.toString();
        }
        if (type.isSpatial()) {
            return Wkt.fromMySql(bytes);
        }
        if (type.isBinary() || charset == null) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return new String(bytes, charset);
    }

    private Object json(Serializable v) {
        String text;
        try {
            text = v instanceof byte[] bytes
                    ? binlogType == MYSQL_JSON ? JsonBinary.parseAsString(bytes) : new String(bytes, charsetOrUtf8())
                    : v.toString();
        } catch (IOException e) {
            throw ConnectorException.system("a JSON value in the binary log could not be decoded", e);
        }
        try {
            return RowJson.toPlain(MessageCodec.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            throw ConnectorException.system("a JSON column of the binary log holds text that is not JSON", e);
        }
    }

    private Charset charsetOrUtf8() {
        return charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset;
    }

    private static long micros(Serializable v) {
        return ((Number) v).longValue();
    }

    private static LocalDateTime dateTime(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000,
                ZoneOffset.UTC);
    }

    /** BitSet.toByteArray is little-endian; BigInteger wants big-endian. */
    private static byte[] reverse(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }

    /** The labels of {@code enum('a','b')} or {@code set('x','y')}, in order. */
    static List<String> labels(String columnType) {
        List<String> labels = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        while (i > 0 && i < columnType.length()) {
            if (columnType.charAt(i) != '\'') {
                i++;
                continue;
            }
            StringBuilder label = new StringBuilder();
            i++;
            while (i < columnType.length()) {
                char c = columnType.charAt(i);
                if (c == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                    label.append('\'');
                    i += 2;
                } else if (c == '\'') {
                    i++;
                    break;
                } else {
                    label.append(c);
                    i++;
                }
            }
            labels.add(label.toString());
        }
        return labels;
    }
}
