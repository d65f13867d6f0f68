package io.sluice.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk-loads rows into one table through a DuckDB appender. Callers give values in their own column
 * order; the sink writes them in the table's order and as the table's column types (an existing
 * table may have columns the caller does not know, which get NULL, or older types, to which values
 * are coerced). A staging table for dedup has a trailing sequence column the sink
 * numbers itself, from 0 for each sink.
 */
final class TableSink implements AutoCloseable {
    /** The staging-only column ordering rows as they arrived, for "later emitted wins". */
    static final String SEQUENCE_COLUMN = "_airbyte_seq";
    private static final Logger LOG = LoggerFactory.getLogger(TableSink.class);
    private static final int SEQUENCE = -2;
    private static final int ABSENT = -1;

    private final String table;
    private final DuckDBAppender appender;
    private final int[] tableToValue;
    private final SqlType[] tableTypes;
    private long sequence;
    private long misfits;

    TableSink(DuckDbSession session, String schema, String table, List<Map.Entry<String, SqlType>> columns)
            throws SQLException {
        this.table = requireNonNull(table, "table");
        List<DuckDbSession.TableColumn> tableColumns = session.tableColumns(schema, table);
        this.tableToValue = new int[tableColumns.size()];
        this.tableTypes = new SqlType[tableColumns.size()];
        for (int i = 0; i < tableColumns.size(); i++) {
            tableToValue[i] = positionOf(columns, tableColumns.get(i).name());
            tableTypes[i] = SqlType.ofColumn(tableColumns.get(i).dataType());
        }
        this.appender = session.appender(schema, table);
    }

    private static int positionOf(List<Map.Entry<String, SqlType>> columns, String column) {
        if (column.equals(SEQUENCE_COLUMN)) {
            return SEQUENCE;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getKey().equals(column)) {
                return i;
            }
        }
        return ABSENT;
    }

    /** Appends one row; {@code values} follow the column order this sink was built with. */
    void append(Object[] values) throws SQLException {
        appender.beginRow();
        for (int i = 0; i < tableToValue.length; i++) {
            int position = tableToValue[i];
            if (position == SEQUENCE) {
                appender.append(sequence++);
            } else if (position == ABSENT) {
                appender.appendNull();
            } else if (!ColumnValues.append(appender, tableTypes[i], values[position])) {
                misfits++;
            }
        }
        appender.endRow();
    }

    /** Flushes the buffered rows into the open transaction and releases the appender. */
    @Override
    public void close() throws SQLException {
        if (misfits > 0) {
            LOG.warn("{} values did not match their column type in {} and were stored as NULL", misfits, table);
            misfits = 0;
        }
        appender.close();
    }
}
