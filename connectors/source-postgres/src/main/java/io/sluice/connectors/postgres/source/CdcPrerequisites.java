package io.sluice.connectors.postgres.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** What logical replication needs from the server, explained in plain words when missing. */
final class CdcPrerequisites {
    private CdcPrerequisites() {}

    /** The first missing prerequisite, if any. */
    static Optional<String> problem(Connection connection, PostgresConfig pg) throws SQLException {
        CdcSettings cdc = pg.cdc().orElseThrow();
        String walLevel = single(connection, "SHOW wal_level");
        if (!"logical".equals(walLevel)) {
            return Optional.of("CDC needs logical decoding, but the server's wal_level is '" + walLevel
                    + "': set wal_level = logical in postgresql.conf (ALTER SYSTEM SET wal_level = logical) and "
                    + "restart PostgreSQL");
        }
        if (!"t".equals(single(connection, "SELECT rolreplication OR rolsuper FROM pg_catalog.pg_roles"
                + " WHERE rolname = current_user"))) {
            return Optional.of("user \"" + pg.username() + "\" lacks the REPLICATION privilege that CDC needs: "
                    + "ALTER USER \"" + pg.username() + "\" REPLICATION");
        }
        Optional<ReplicationSlot.SlotInfo> slot = new ReplicationSlot(cdc.replicationSlot()).info(connection);
        if (slot.isEmpty()) {
            return Optional.of(missingSlot(cdc.replicationSlot()));
        }
        if (!"pgoutput".equals(slot.get().plugin())) {
            return Optional.of("replication slot \"" + cdc.replicationSlot() + "\" uses the plugin '"
                    + slot.get().plugin() + "'; CDC reads pgoutput: drop it and create it with pgoutput");
        }
        if (!pg.database().equals(slot.get().database())) {
            return Optional.of("replication slot \"" + cdc.replicationSlot() + "\" belongs to database \""
                    + slot.get().database() + "\", not \"" + pg.database() + "\"");
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = ?")) {
            s.setString(1, cdc.publication());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of("publication \"" + cdc.publication() + "\" does not exist in database \""
                            + pg.database() + "\": create it with CREATE PUBLICATION \"" + cdc.publication()
                            + "\" FOR TABLE <the tables to replicate>");
                }
            }
        }
        return Optional.empty();
    }

    static String missingSlot(String slot) {
        return "replication slot \"" + slot + "\" does not exist: create it with "
                + "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')";
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
