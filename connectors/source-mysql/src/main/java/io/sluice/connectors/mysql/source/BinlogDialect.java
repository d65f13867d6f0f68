package io.sluice.connectors.mysql.source;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What differs between MariaDB and MySQL 8 around the binary log: how the current position and
 * GTIDs are read, and how a consistent snapshot learns the position it corresponds to.
 */
enum BinlogDialect {
    /**
     * MariaDB: {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} publishes the binlog position of
     * the snapshot in {@code binlog_snapshot_file/position}, without any lock.
     */
    MARIADB,
    /**
     * MySQL 8: the snapshot is opened under a brief {@code FLUSH TABLES WITH READ LOCK} (writes wait
     * for the few milliseconds it takes), which pins the position read meanwhile.
     */
    MYSQL;

    private static final Logger LOG = LoggerFactory.getLogger(BinlogDialect.class);

    static BinlogDialect of(Connection connection) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
    }

    /** The end of the binary log now: the position a sync must reach to be caught up. */
    BinlogPosition current(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = masterStatus(s)) {
            if (!rs.next()) {
                throw new SQLException("the binary log is disabled (SHOW MASTER STATUS returned nothing)");
            }
            String file = rs.getString(1);
            long pos = rs.getLong(2);
            Optional<String> gtid = this == MYSQL && rs.getMetaData().getColumnCount() >= 5
                    ? Optional.ofNullable(rs.getString(5)) : Optional.empty();
            BinlogPosition position = new BinlogPosition(file, pos, gtid);
            return this == MARIADB ? position.withGtid(mariaDbGtid(connection, position)) : position;
        }
    }

    /**
     * Opens a REPEATABLE READ transaction with a consistent snapshot on {@code connection} (left open:
     * the snapshot's table reads run in it, the caller commits) and returns the binlog position the
     * snapshot corresponds to.
     */
    BinlogPosition startSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            if (this == MARIADB) {
                s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
                String file = null;
                long pos = -1;
                try (ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'binlog_snapshot_%'")) {
                    while (rs.next()) {
                        switch (rs.getString(1).toLowerCase(Locale.ROOT)) {
                            case "binlog_snapshot_file" -> file = rs.getString(2);
                            case "binlog_snapshot_position" -> pos = rs.getLong(2);
                            default -> { }
                        }
                    }
                }
                if (file == null || file.isEmpty() || pos < 0) {
                    throw new SQLException("the server published no binlog snapshot position (is log_bin ON?)");
                }
                BinlogPosition position = new BinlogPosition(file, pos, Optional.empty());
                return position.withGtid(mariaDbGtid(connection, position));
            }
            try {
                s.execute("FLUSH TABLES WITH READ LOCK");
            } catch (SQLException e) {
                if (e.getErrorCode() == 1227) {
                    throw io.sluice.cdk.ConnectorException.config("The CDC snapshot on MySQL holds FLUSH TABLES WITH "
                            + "READ LOCK for a moment, which needs the RELOAD privilege: GRANT RELOAD ON *.* TO the user ("
                            + e.getMessage() + ")");
                }
                throw e;
            }
            try {
                s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
                return current(connection);
            } finally {
                s.execute("UNLOCK TABLES");
            }
        }
    }

    /** The binlog files the server still has, oldest first. */
    static List<String> files(Connection connection) throws SQLException {
        List<String> files = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        return files;
    }

    private static ResultSet masterStatus(Statement s) throws SQLException {
        try {
            return s.executeQuery("SHOW MASTER STATUS");
        } catch (SQLException e) {
            if (e.getErrorCode() != 1064) {
                throw e;
            }
            // MySQL 8.4 renamed it
            return s.executeQuery("SHOW BINARY LOG STATUS");
        }
    }

    /** MariaDB's GTID position at a binlog position; empty when the server logs no GTIDs. */
    private static Optional<String> mariaDbGtid(Connection connection, BinlogPosition position) {
        try (var s = connection.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
            s.setString(1, position.file());
            s.setLong(2, position.pos());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.debug("no GTID position for {}:{}", position.file(), position.pos(), e);
            return Optional.empty();
        }
    }
}
