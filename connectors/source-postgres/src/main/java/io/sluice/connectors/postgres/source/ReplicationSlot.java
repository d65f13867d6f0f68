package io.sluice.connectors.postgres.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * SQL about one logical replication slot: where it stands, moving its confirmed position forward,
 * and how far its walsender has read while Debezium streams from it. LSNs are longs, as Debezium's
 * offsets hold them.
 */
record ReplicationSlot(String name) {

    /** What pg_replication_slots says of the slot. */
    record SlotInfo(String plugin, String database, boolean active, long confirmedFlushLsn) {}

    Optional<SlotInfo> info(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT plugin, database, active,"
                + " (confirmed_flush_lsn - '0/0'::pg_lsn)::bigint FROM pg_catalog.pg_replication_slots"
                + " WHERE slot_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SlotInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)));
            }
        }
    }

    /**
     * Moves the slot's confirmed flush position to {@code lsn} when it is behind it: the server may
     * then recycle the WAL before it. The slot must not be in use.
     */
    boolean advanceTo(Connection connection, long lsn) throws SQLException {
        Optional<SlotInfo> slot = info(connection);
        if (slot.isEmpty() || slot.get().confirmedFlushLsn() >= lsn) {
            return false;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT pg_catalog.pg_replication_slot_advance(?, ('0/0'::pg_lsn + ?::numeric))")) {
            s.setString(1, name);
            s.setLong(2, lsn);
            s.execute();
        }
        return true;
    }

    /** The server's current WAL write position. */
    static long currentWalLsn(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT (pg_catalog.pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How far the walsender streaming this slot has read the WAL; empty while nobody streams it. */
    OptionalLong sentLsn(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT (r.sent_lsn - '0/0'::pg_lsn)::bigint"
                + " FROM pg_catalog.pg_replication_slots s JOIN pg_catalog.pg_stat_replication r"
                + " ON r.pid = s.active_pid WHERE s.slot_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getObject(1) == null) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(rs.getLong(1));
            }
        }
    }
}
