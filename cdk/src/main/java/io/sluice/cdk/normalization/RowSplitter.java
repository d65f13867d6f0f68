package io.sluice.cdk.normalization;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.normalization.NormalizedLayout.ChildPlan;
import io.sluice.cdk.normalization.NormalizedLayout.ColumnPlan;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import java.sql.SQLException;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one stream row into the rows of its normalized tables: the flattened root row and, for
 * each array of objects, one child row per element carrying the parent's hash id (recursively).
 * Values are handed to a {@link TableRowSink} in {@link TablePlan#allColumns()} order. Values
 * nested in objects are plain (String, Long, Double, BigDecimal, Boolean, Map, List), so a sink
 * converts them to the column's type (dates and times arrive as strings there). Not thread-safe:
 * one per stream writer.
 */
public final class RowSplitter {

    /** Receives the rows of the normalized tables. */
    public interface TableRowSink {
        /**
         * Takes one row of {@code table}. {@code values} is reused for the table's next row, so a
         * sink consumes (encodes or copies) it before returning. Called on the writer's thread.
         */
        void accept(TablePlan table, Object[] values) throws SQLException;
    }

    private final NormalizedLayout layout;
    private final TableRowSink sink;
    private final RowHasher hasher = new RowHasher();
    private final Map<TablePlan, Object[]> buffers = new IdentityHashMap<>();
    private final Object[] rootValues;
    /** For each root column: the row position of a top-level field, or -1 for a nested one. */
    private final int[] rootFlatIndex;

    public RowSplitter(NormalizedLayout layout, TableRowSink sink) {
        this.layout = requireNonNull(layout, "layout");
        this.sink = requireNonNull(sink, "sink");
        for (TablePlan table : layout.root().withDescendants()) {
            buffers.put(table, new Object[table.allColumns().size()]);
        }
        TablePlan root = layout.root();
        this.rootValues = buffers.get(root);
        this.rootFlatIndex = root.columns().stream()
                .mapToInt(c -> c.path().isEmpty() ? c.rowIndex() : -1)
                .toArray();
    }

    /**
     * Writes {@code row} (in row-schema order) and its child rows. {@code abId} is stored as given (a
     * String or a {@link java.util.UUID}, as the destination prefers); hash ids go to the sink as
     * {@link HashId}s. Runs once per row: keep it lean.
     */
    public void write(Object[] row, Object abId, Instant emittedAt, Instant normalizedAt) throws SQLException {
        TablePlan root = layout.root();
        HashId hashId = hasher.ofRow(row);
        Object[] values = rootValues;
        List<ColumnPlan> columns = root.columns();
        int i = 0;
        for (; i < rootFlatIndex.length; i++) {
            int flat = rootFlatIndex[i];
            if (flat >= 0) {
                values[i] = flat < row.length ? row[flat] : null;
            } else {
                ColumnPlan column = columns.get(i);
                values[i] = valueAt(row, null, column.rowIndex(), column.path());
            }
        }
        fillMetadata(values, i, abId, emittedAt, normalizedAt, hashId);
        sink.accept(root, values);
        writeChildren(root, row, null, hashId, abId, emittedAt, normalizedAt);
    }

    private void writeChildren(TablePlan table, Object[] row, Map<?, ?> element, HashId hashId, Object abId,
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

    private void writeElement(TablePlan table, Map<?, ?> item, int index, HashId parentHashId, Object abId,
            Instant emittedAt, Instant normalizedAt) throws SQLException {
        HashId hashId = hasher.ofElement(parentHashId, index, item);
        Object[] values = buffers.get(table);
        values[0] = parentHashId;
        int i = 1;
        for (ColumnPlan column : table.columns()) {
            values[i++] = valueAt(null, item, column.rowIndex(), column.path());
        }
        fillMetadata(values, i, abId, emittedAt, normalizedAt, hashId);
        sink.accept(table, values);
        writeChildren(table, null, item, hashId, abId, emittedAt, normalizedAt);
    }

    private static void fillMetadata(Object[] values, int from, Object abId, Instant emittedAt,
            Instant normalizedAt, HashId hashId) {
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
