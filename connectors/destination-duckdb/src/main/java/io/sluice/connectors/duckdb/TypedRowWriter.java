package io.sluice.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import io.sluice.connectors.duckdb.NormalizedLayout.ChildPlan;
import io.sluice.connectors.duckdb.NormalizedLayout.ColumnPlan;
import io.sluice.connectors.duckdb.NormalizedLayout.TablePlan;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Splits one row into the rows of its normalized tables: the flattened root row and, for each array
 * of objects, one child row per element carrying the parent's hash id (recursively).
 */
final class TypedRowWriter {

    /** The sink loading a table of the layout (final or staging, as the sync mode decides). */
    interface Sinks {
        TableSink sink(TablePlan table) throws SQLException;
    }

    private final NormalizedLayout layout;
    private final Sinks sinks;
    private final RowHasher hasher = new RowHasher();

    TypedRowWriter(NormalizedLayout layout, Sinks sinks) {
        this.layout = requireNonNull(layout, "layout");
        this.sinks = requireNonNull(sinks, "sinks");
    }

    void write(Object[] row, String abId, Instant emittedAt, Instant normalizedAt) throws SQLException {
        TablePlan root = layout.root();
        String hashId = hasher.ofRow(row);
        Object[] values = new Object[root.columns().size() + 4];
        int i = 0;
        for (ColumnPlan column : root.columns()) {
            values[i++] = valueAt(row, null, column.rowIndex(), column.path());
        }
        fillMetadata(values, i, abId, emittedAt, normalizedAt, hashId);
        sinks.sink(root).append(values);
        writeChildren(root, row, null, hashId, abId, emittedAt, normalizedAt);
    }

    private void writeChildren(TablePlan table, Object[] row, Map<?, ?> element, String hashId, String abId,
            Instant emittedAt, Instant normalizedAt) throws SQLException {
        for (ChildPlan child : table.children()) {
            if (valueAt(row, element, child.rowIndex(), child.path()) instanceof List<?> elements) {
                for (int index = 0; index < elements.size(); index++) {
                    if (elements.get(index) instanceof Map<?, ?> item) {
                        writeElement(child.table(), item, index, hashId, abId, emittedAt, normalizedAt);
                    }
                }
            }
        }
    }

    private void writeElement(TablePlan table, Map<?, ?> item, int index, String parentHashId, String abId,
            Instant emittedAt, Instant normalizedAt) throws SQLException {
        String hashId = hasher.ofElement(parentHashId, index, item);
        Object[] values = new Object[table.columns().size() + 5];
        values[0] = parentHashId;
        int i = 1;
        for (ColumnPlan column : table.columns()) {
            values[i++] = valueAt(null, item, column.rowIndex(), column.path());
        }
        fillMetadata(values, i, abId, emittedAt, normalizedAt, hashId);
        sinks.sink(table).append(values);
        writeChildren(table, null, item, hashId, abId, emittedAt, normalizedAt);
    }

    private static void fillMetadata(Object[] values, int from, String abId, Instant emittedAt,
            Instant normalizedAt, String hashId) {
        values[from] = abId;
        values[from + 1] = emittedAt;
        values[from + 2] = normalizedAt;
        values[from + 3] = hashId;
    }

    private static Object valueAt(Object[] row, Map<?, ?> element, int rowIndex, List<String> path) {
        Object value = rowIndex >= 0 ? (rowIndex < row.length ? row[rowIndex] : null) : element;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }
}
