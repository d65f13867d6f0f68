package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.cdk.RowJson;
import io.sluice.protocol.MessageCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decodes one non-null field of PostgreSQL's binary COPY format into the same row value the JDBC
 * path ({@link PgType#reader()}) gives. Chosen once per column.
 */
@FunctionalInterface
interface BinaryField {
    /** PostgreSQL's epoch, 2000-01-01, as days and seconds since 1970-01-01. */
    long PG_EPOCH_DAY = 10_957;
    long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

    Object decode(CopyInput in, int length) throws SQLException;

    /**
     * The decoder for a column, and the expression the COPY selects it with (as text, in the form
     * of its output function, when there is no binary decoder); empty for arrays of elements this
     * decoder does not cover, which the JDBC path reads instead.
     */
    static Optional<Choice> of(PgType type) {
        if (type.isTextArray()) {
            return Optional.of(new Choice(array(CopyInput::readString), "%s::text[]"));
        }
        if (type.isArray()) {
            return arrayElement(type.element().orElseThrow()).map(e -> new Choice(array(e), "%s"));
        }
        BinaryField field = scalar(type.name());
        if (field != null) {
            return Optional.of(new Choice(field, "%s"));
        }
        // inet's cast to text always adds the netmask; abbrev() is its output function's text
        return Optional.of(new Choice(CopyInput::readString, type.name().equals("inet") ? "abbrev(%s)" : "%s::text"));
    }

    /** The decoder of a scalar type with a binary decoder, or null. */
    private static BinaryField scalar(String name) {
        return switch (name) {
            case "int2" -> (in, n) -> (long) in.readShort();
            case "int4" -> (in, n) -> (long) in.readInt();
            case "int8" -> (in, n) -> in.readLong();
            case "float4" -> (in, n) -> (double) Float.intBitsToFloat(in.readInt());
            case "float8" -> (in, n) -> Double.longBitsToDouble(in.readLong());
            case "bool" -> (in, n) -> in.readByte() != 0;
            case "numeric" -> BinaryField::numeric;
            case "date" -> BinaryField::date;
            case "time" -> (in, n) -> time(in.readLong());
            case "timetz" -> (in, n) -> OffsetTime.of(time(in.readLong()), ZoneOffset.ofTotalSeconds(-in.readInt()));
            case "timestamp" -> BinaryField::timestamp;
            case "timestamptz" -> BinaryField::timestamptz;
            case "uuid" -> (in, n) -> new UUID(in.readLong(), in.readLong()).toString();
            case "bytea" -> (in, n) -> Base64.getEncoder().encodeToString(in.readBytes(n));
            case "json" -> (in, n) -> json(in.readString(n));
            case "jsonb" -> (in, n) -> {
                in.readByte();
                return json(in.readString(n - 1));
            };
            case "text", "varchar", "bpchar", "name", "citext" -> CopyInput::readString;
            default -> null;
        };
    }

    /**
     * Array elements as the JDBC path gives them (plain values, temporal ones as ISO text), for the
     * element types of {@link PgType#VALUE_ELEMENTS}.
     */
    private static Optional<BinaryField> arrayElement(String element) {
        return switch (element) {
            case "int2", "int4", "int8", "float4", "float8", "numeric", "bool", "text", "varchar", "bpchar", "name",
                    "uuid", "bytea" -> Optional.of(scalar(element));
            case "date" -> Optional.of((in, n) -> date(in, n).toString());
            case "timestamp" -> Optional.of((in, n) ->
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) timestamp(in, n)));
            case "timestamptz" -> Optional.of((in, n) ->
                    DateTimeFormatter.ISO_INSTANT.format((Instant) timestamptz(in, n)));
            default -> Optional.empty();
        };
    }

    /** A one- or more-dimensional array as (nested) lists. */
    private static BinaryField array(BinaryField element) {
        return (in, length) -> {
            int dimensions = in.readInt();
            in.readInt();
            in.readInt();
            if (dimensions == 0) {
                return new ArrayList<>();
            }
            int[] sizes = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                sizes[d] = in.readInt();
                in.readInt();
            }
            return elements(in, element, sizes, 0);
        };
    }

    private static List<Object> elements(CopyInput in, BinaryField element, int[] sizes, int dimension)
            throws SQLException {
        List<Object> list = new ArrayList<>(sizes[dimension]);
        for (int i = 0; i < sizes[dimension]; i++) {
            if (dimension + 1 < sizes.length) {
                list.add(elements(in, element, sizes, dimension + 1));
            } else {
                int length = in.readInt();
                list.add(length < 0 ? null : element.decode(in, length));
            }
        }
        return list;
    }

    /**
     * A decoder and the select expression for the column ({@code %s} stands for the quoted name).
     */
    record Choice(BinaryField field, String expression) {}

    private static Object numeric(CopyInput in, int length) throws SQLException {
        int ndigits = in.readShort();
        int weight = in.readShort();
        int sign = in.readShort() & 0xffff;
        int dscale = in.readShort();
        switch (sign) {
            case 0xC000 -> {
                in.skip(ndigits * 2);
                return Double.NaN;
            }
            case 0xD000 -> {
                return Double.POSITIVE_INFINITY;
            }
            case 0xF000 -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> { }
        }
        BigDecimal value;
        if (ndigits <= 4) {
            long unscaled = 0;
            for (int i = 0; i < ndigits; i++) {
                unscaled = unscaled * 10_000 + in.readShort();
            }
            value = BigDecimal.valueOf(unscaled, -4 * (weight - ndigits + 1));
        } else {
            BigInteger unscaled = BigInteger.ZERO;
            BigInteger base = BigInteger.valueOf(10_000);
            for (int i = 0; i < ndigits; i++) {
                unscaled = unscaled.multiply(base).add(BigInteger.valueOf(in.readShort()));
            }
            value = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
        }
        if (sign == 0x4000) {
            value = value.negate();
        }
        return value.setScale(dscale, RoundingMode.DOWN);
    }

    private static Object date(CopyInput in, int length) throws SQLException {
        int days = in.readInt();
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(PG_EPOCH_DAY + days);
    }

    private static LocalTime time(long micros) {
        return micros >= 86_400_000_000L ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    private static Object timestamp(CopyInput in, int length) throws SQLException {
        long micros = in.readLong();
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofEpochSecond(PG_EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    private static Object timestamptz(CopyInput in, int length) throws SQLException {
        long micros = in.readLong();
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX.toInstant();
        }
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN.toInstant();
        }
        return Instant.ofEpochSecond(PG_EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000);
    }

    private static Object json(String text) throws SQLException {
        try {
            return RowJson.toPlain(MessageCodec.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            throw new SQLException("a json value is not JSON", e);
        }
    }
}
