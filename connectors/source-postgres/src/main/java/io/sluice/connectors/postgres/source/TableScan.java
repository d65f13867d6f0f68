package io.sluice.connectors.postgres.source;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads the rows of a stream's table, optionally limited by a WHERE condition, into a sink. */
interface TableScan {

    /** Gets each row, in the stream's row order; called on the scanning thread. */
    @FunctionalInterface
    interface RowSink {
        void accept(Object[] row) throws SQLException;
    }

    /**
     * Streams the rows matching {@code condition} (SQL over the table, or empty for all rows) to
     * {@code sink} on the calling thread; constant memory. Uses the connection's current
     * transaction if one is open.
     */
    void scan(Connection connection, String condition, RowSink sink) throws SQLException;

    /** The scan full refreshes use: binary COPY when every column can be decoded, else a JDBC cursor. */
    static TableScan forFullRefresh(StreamPlan plan) {
        return CopyScan.of(plan).<TableScan>map(s -> s).orElseGet(() -> new CursorScan(plan));
    }
}
