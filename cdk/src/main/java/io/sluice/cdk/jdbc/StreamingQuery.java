package io.sluice.cdk.jdbc;

import io.sluice.cdk.SyncCancelledException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one SELECT streamed by the driver (a server-side cursor in PostgreSQL, a streaming result set
 * in MariaDB Connector/J): autocommit off, rows fetched {@value #FETCH_SIZE} at a time, so memory
 * stays flat whatever the table size. A transaction the caller opened (autocommit
 * already off) is left open; otherwise the query's own transaction is rolled back at the end. An interrupt of the calling thread
 * cancels the statement and ends in {@link SyncCancelledException}.
 */
public final class StreamingQuery {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingQuery.class);
    public static final int FETCH_SIZE = 10_000;

    /** Sets the statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Gets each row, the result set positioned on it. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private StreamingQuery() {}

    /**
     * Runs {@code sql} on the calling thread, handing each row to {@code handler}.
     *
     * @throws SyncCancelledException when the thread was interrupted (the statement is cancelled)
     * @throws SQLException as the driver or the handler throws it
     */
    public static void run(Connection connection, String sql, Binder binder, RowHandler handler) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
                InterruptWatch watch = InterruptWatch.watch(statement)) {
            statement.setFetchSize(FETCH_SIZE);
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            } catch (SQLException e) {
                if (watch.cancelled() || Thread.currentThread().isInterrupted()) {
                    throw new SyncCancelledException();
                }
                throw e;
            }
        } finally {
            endTransaction(connection, autoCommit);
        }
    }

    /** Ends the query's own transaction; on a broken connection the query's own failure is the one reported. */
    private static void endTransaction(Connection connection, boolean autoCommit) {
        if (!autoCommit) {
            return;
        }
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("ending the read transaction failed", e);
        }
    }
}
