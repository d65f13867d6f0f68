package io.sluice.cdk.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns the current row of a result set into an {@code Object[]} row: column {@code i + 1} of the
 * result set through reader {@code i}. Build one per query; use it on the reading thread.
 */
public final class RowReader {
    private final ColumnReader[] readers;
    private final int offset;

    /**
     * @param readers one per row value, in row order
     * @param firstColumn the 1-based result set column of the first row value (later columns may
     *     carry extra values such as a cursor's text)
     */
    public RowReader(List<ColumnReader> readers, int firstColumn) {
        requireNonNull(readers, "readers");
        this.readers = readers.toArray(ColumnReader[]::new);
        this.offset = firstColumn;
    }

    public int width() {
        return readers.length;
    }

    /** A new row holding the values of the result set's current row. */
    public Object[] read(ResultSet rs) throws SQLException {
        ColumnReader[] r = readers;
        Object[] row = new Object[r.length];
        for (int i = 0; i < r.length; i++) {
            row[i] = r[i].read(rs, i + offset);
        }
        return row;
    }
}
