package io.sluice.connectors.mysql.source;

import com.github.shyiko.mysql.binlog.network.AuthenticationException;
import com.github.shyiko.mysql.binlog.network.ServerException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/** What check tells a CDC user whose server or user is not ready for binlog reading, in plain words. */
final class CdcPrerequisites {
    static final String GRANT_HINT = "grant them with GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO the user "
            + "(MariaDB 10.5+ names REPLICATION CLIENT \"BINLOG MONITOR\"); MySQL also needs RELOAD for the snapshot";
    private static final long PROBE_MILLIS = 10_000;
    private static final int SPECIFIC_ACCESS_DENIED = 1227;

    private CdcPrerequisites() {}

    /** The first missing prerequisite, if any. */
    static Optional<String> problem(Connection connection, MySqlConfig config) throws SQLException {
        if (!variable(connection, "log_bin").map(v -> v.equals("1") || v.equalsIgnoreCase("ON")).orElse(false)) {
            return Optional.of("binary logging is disabled on the server (log_bin is OFF), and CDC reads the binary "
                    + "log: start the server with log_bin (e.g. log-bin=mysql-bin and server_id=1 in my.cnf), "
                    + "binlog_format=ROW and binlog_row_image=FULL, or use replication method STANDARD");
        }
        Optional<String> format = variable(connection, "binlog_format");
        if (!format.map(f -> f.equalsIgnoreCase("ROW")).orElse(false)) {
            return Optional.of("binlog_format is " + format.orElse("unknown") + " but CDC needs ROW (the binary log must "
                    + "hold the changed rows, not the statements): SET GLOBAL binlog_format = 'ROW' and set it in "
                    + "my.cnf so it survives a restart");
        }
        Optional<String> image = variable(connection, "binlog_row_image");
        if (!image.map(i -> i.equalsIgnoreCase("FULL")).orElse(true)) {
            return Optional.of("binlog_row_image is " + image.get() + " but CDC needs FULL (every column of each "
                    + "changed row): SET GLOBAL binlog_row_image = 'FULL' and set it in my.cnf");
        }
        BinlogPosition end;
        try {
            end = BinlogDialect.of(connection).current(connection);
        } catch (SQLException e) {
            if (e.getErrorCode() == SPECIFIC_ACCESS_DENIED) {
                return Optional.of("missing REPLICATION CLIENT privilege (MariaDB: BINLOG MONITOR): user \""
                        + config.username() + "\" may not read the binary log position; " + GRANT_HINT);
            }
            throw e;
        }
        return probeStream(config, end);
    }

    /** Opens the binlog stream at its end, as a sync would, and waits for the server's first event. */
    private static Optional<String> probeStream(MySqlConfig config, BinlogPosition end) throws SQLException {
        try (BinlogStream stream = BinlogStream.open(config, config.cdc().orElseThrow().serverId(), end)) {
            BinlogStream.Item item = stream.poll(PROBE_MILLIS);
            if (item instanceof BinlogStream.Item.Ended ended) {
                Exception error = ended.error();
                if (error instanceof ServerException s && s.getErrorCode() == SPECIFIC_ACCESS_DENIED
                        || error instanceof AuthenticationException a && String.valueOf(a.getMessage())
                        .toLowerCase(Locale.ROOT).contains("replication slave")) {
                    return Optional.of("missing REPLICATION SLAVE privilege: user \"" + config.username()
                            + "\" may not read the binary log; " + GRANT_HINT);
                }
                return Optional.of("reading the binary log failed: " + (error == null ? "the server closed the stream"
                        : error.getMessage()));
            }
            return item == null
                    ? Optional.of("the server sent nothing within " + PROBE_MILLIS / 1000 + " s of opening the binary log")
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    private static Optional<String> variable(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
            return rs.next() ? Optional.ofNullable(rs.getString(2)) : Optional.empty();
        }
    }
}
