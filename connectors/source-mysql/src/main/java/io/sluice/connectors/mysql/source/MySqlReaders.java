package io.sluice.connectors.mysql.source;

import io.sluice.cdk.jdbc.ColumnReader;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Column readers for what only MySQL and MariaDB have: BIT(n), TIME as a duration, TIMESTAMP in a UTC session. */
final class MySqlReaders {
    private MySqlReaders() {}

    /** BIT(n), n > 1, as its unsigned value: a Long, or a BigInteger for 64-bit values past Long.MAX_VALUE. */
    static ColumnReader bits() {
        return (rs, i) -> {
            byte[] bytes = rs.getBytes(i);
            if (bytes == null) {
                return null;
            }
            BigInteger value = new BigInteger(1, bytes);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        };
    }

    /**
     * TIME as a time of day. MySQL's TIME is a duration (-838:59:59 to 838:59:59); values outside
     * 00:00:00-23:59:59.999999 have no time of day and are read as NULL (the driver would wrap them).
     */
    static ColumnReader timesOfDay() {
        return (rs, i) -> {
            String text = rs.getString(i);
            if (text == null || text.startsWith("-") || text.indexOf(':') != 2) {
                return null;
            }
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        };
    }

    /** TIMESTAMP columns as Instants: the session time zone is UTC, so the wall-clock value is UTC. */
    static ColumnReader utcInstants() {
        return (rs, i) -> {
            LocalDateTime v = rs.getObject(i, LocalDateTime.class);
            return v == null ? null : v.toInstant(ZoneOffset.UTC);
        };
    }
}
