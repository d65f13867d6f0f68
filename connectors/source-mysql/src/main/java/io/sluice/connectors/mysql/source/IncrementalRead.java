package io.sluice.connectors.mysql.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.jdbc.CursorRead;
import io.sluice.cdk.jdbc.CursorState;
import io.sluice.cdk.jdbc.CursorTracker;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import io.sluice.connectors.mysql.source.MySqlTable.MySqlColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * An incremental read of one stream by a user-chosen cursor column:
 * {@code WHERE cursor >= saved ORDER BY cursor, primary key}, with the cdk's {@link CursorRead} rule:
 * on resume the first {@code cursor_record_count} rows equal to the saved value are skipped, states
 * are cut only where the cursor value changes. String cursors compare and sort byte by byte
 * ({@code BINARY}), so that rows equal under a case-insensitive collation but different as text are
 * never mistaken for one value. Rows whose cursor is NULL or a zero date are never read incrementally.
 */
final class IncrementalRead {
    private IncrementalRead() {}

    static void read(Connection connection, StreamPlan plan, Optional<JsonNode> saved, StreamCheckpoints out)
            throws SQLException {
        List<String> cursorField = plan.stream().effectiveCursorField();
        if (cursorField.size() != 1) {
            throw ConnectorException.config("stream " + plan.descriptor() + " is incremental: choose one cursor "
                    + "column (got " + cursorField + ")");
        }
        MySqlColumn cursor = plan.table().column(cursorField.getFirst()).orElseThrow(() -> ConnectorException.config(
                "cursor column \"" + cursorField.getFirst() + "\" does not exist in " + plan.descriptor()));
        String cast = cursor.type().cursorCast().orElseThrow(() -> ConnectorException.config("cursor column \""
                + cursor.name() + "\" of " + plan.descriptor() + " has type " + cursor.type().columnType()
                + ", which cannot serve as a cursor; choose a number, date, time or text column"));
        Optional<CursorState> from = saved.flatMap(json -> CursorState.fromJson(json, cursorField));
        Optional<String> start = from.flatMap(CursorState::cursor);

        boolean binary = cast.equals("BINARY");
        String quoted = "t." + MySqlTable.quote(cursor.name());
        String ordered = binary ? "BINARY " + quoted : quoted;
        StringBuilder sql = new StringBuilder(plan.select(binary ? quoted : "CAST(" + quoted + " AS CHAR)"));
        sql.append(" WHERE ").append(quoted).append(" IS NOT NULL");
        if (cursor.type().mayHoldZeroDates()) {
            sql.append(" AND ").append(quoted).append(" >= '0001-01-01'");
        }
        if (start.isPresent()) {
            sql.append(" AND ").append(ordered).append(binary ? " >= BINARY ?" : " >= CAST(? AS " + cast + ")");
        }
        sql.append(" ORDER BY ").append(ordered);
        for (String key : plan.table().primaryKey()) {
            if (!key.equals(cursor.name())) {
                sql.append(", t.").append(MySqlTable.quote(key));
            }
        }
        CursorRead.run(connection, sql.toString(), start, plan.rowReader(), plan.columns().size() + 1,
                new CursorTracker(cursorField, from), out);
    }
}
