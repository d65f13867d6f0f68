package io.sluice.cdk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The row loop of an incremental cursor read, whatever the database: runs a query ordered by the
 * cursor (with the saved cursor value, when there is one, as its only parameter), skips the rows
 * the saved state already covers, emits the others and cuts states only where the cursor value
 * changes, and at the end. The query's SQL is the source's: it selects the row values from column
 * 1 on and the cursor value as text in {@code cursorColumn}, leaves out rows whose cursor is NULL,
 * and keeps rows equal to the saved value ({@code >=}).
 */
public final class CursorRead {
    private CursorRead() {}

    /**
     * Reads to the end of the query on the calling thread, then finishes the stream with the last
     * state.
     *
     * @param start the saved cursor value, bound as text to the query's parameter when present
     */
    public static void run(Connection connection, String sql, Optional<String> start, RowReader reader,
            int cursorColumn, CursorTracker tracker, StreamCheckpoints out) throws SQLException {
        StreamingQuery.run(connection, sql, s -> {
            if (start.isPresent()) {
                s.setString(1, start.get());
            }
        }, rs -> {
            String value = rs.getString(cursorColumn);
            if (tracker.alreadyEmitted(value)) {
                return;
            }
            if (tracker.startsNewValue(value) && out.due()) {
                out.checkpoint(tracker.state().toJson());
            }
            out.row(reader.read(rs));
            tracker.emitted(value);
        });
        out.finish(tracker.state().toJson());
    }
}
