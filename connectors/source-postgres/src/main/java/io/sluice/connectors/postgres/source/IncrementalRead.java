package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.jdbc.CursorRead;
import io.sluice.cdk.jdbc.CursorState;
import io.sluice.cdk.jdbc.CursorTracker;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import io.sluice.connectors.postgres.source.PgTable.PgColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An incremental read of one stream by a user-chosen cursor column:
 * {@code WHERE cursor >= saved ORDER BY cursor, primary key}. On resume the first
 * {@code cursor_record_count} rows whose cursor equals the saved value are skipped (the previous
 * read emitted them), so rows inserted later with that same value are still read, provided they
 * sort after the emitted ones (a growing primary key; without a primary key the order among equal
 * cursor values is the database's). States are cut only where the cursor value changes, and at the
 * end. Rows whose cursor is NULL are never read incrementally.
 */
final class IncrementalRead {
    /** Types without a default ordering, which cannot serve as cursors. */
    private static final Set<String> UNORDERED = Set.of("json", "xml", "point", "line", "lseg",
            "box", "path", "polygon", "circle");
    private IncrementalRead() {}

    static void read(Connection connection, StreamPlan plan, Optional<JsonNode> saved, StreamCheckpoints out)
            throws SQLException {
        List<String> cursorField = plan.stream().effectiveCursorField();
        if (cursorField.size() != 1) {
            throw ConnectorException.config("stream " + plan.descriptor() + " is incremental: choose one cursor "
                    + "column (got " + cursorField + ")");
        }
        PgColumn cursor = plan.table().column(cursorField.getFirst()).orElseThrow(() -> ConnectorException.config(
                "cursor column \"" + cursorField.getFirst() + "\" does not exist in " + plan.descriptor()));
        if (UNORDERED.contains(cursor.type().name())) {
            throw ConnectorException.config("cursor column \"" + cursor.name() + "\" of " + plan.descriptor()
                    + " has type " + cursor.type().sqlType() + ", which cannot be ordered; choose another cursor");
        }
        Optional<CursorState> from = saved.flatMap(json -> CursorState.fromJson(json, cursorField));
        CursorTracker tracker = new CursorTracker(cursorField, from);

        String quoted = "t." + PgTable.quote(cursor.name());
        StringBuilder sql = new StringBuilder("SELECT ");
        if (!plan.columns().isEmpty()) {
            sql.append(plan.selectList()).append(", ");
        }
        sql.append(quoted).append("::text FROM ").append(plan.table().qualifiedName())
                .append(" t WHERE ").append(quoted).append(" IS NOT NULL");
        Optional<String> start = from.flatMap(CursorState::cursor);
        if (start.isPresent()) {
            sql.append(" AND ").append(quoted).append(" >= CAST(? AS ").append(cursor.type().sqlType()).append(')');
        }
        sql.append(" ORDER BY ").append(quoted);
        for (String key : plan.table().primaryKey()) {
            if (!key.equals(cursor.name())) {
                sql.append(", t.").append(PgTable.quote(key));
            }
        }
        CursorRead.run(connection, sql.toString(), start, plan.rowReader(1), plan.columns().size() + 1, tracker, out);
    }
}
