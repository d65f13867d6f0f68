package io.sluice.connectors.mysql.source;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.jdbc.ColumnReader;
import io.sluice.cdk.jdbc.RowReader;
import io.sluice.connectors.mysql.source.MySqlTable.MySqlColumn;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What to read for one configured stream: the table and, in the stream's row order, the columns
 * of its configured JSON schema.
 */
record StreamPlan(ConfiguredStream stream, MySqlTable table, List<MySqlColumn> columns) {

    StreamPlan {
        requireNonNull(stream, "stream");
        requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }

    /** @throws ConnectorException (CONFIG) when a configured column is gone from the table */
    static StreamPlan of(ConfiguredStream stream, MySqlTable table) {
        List<MySqlColumn> columns = new ArrayList<>();
        for (RowSchema.Column column : RowSchema.of(stream.stream().jsonSchema()).columns()) {
            columns.add(table.column(column.name()).orElseThrow(() -> ConnectorException.config("column \""
                    + column.name() + "\" of " + table.database() + "." + table.name()
                    + " no longer exists; refresh the source schema")));
        }
        return new StreamPlan(stream, table, columns);
    }

    StreamDescriptor descriptor() {
        return stream.descriptor();
    }

    /** {@code SELECT <columns> FROM <table> t}, columns in row order, then {@code extra} if not empty. */
    String select(String extra) {
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(columns.stream().map(c -> c.type().selectExpression("t." + MySqlTable.quote(c.name())))
                .collect(Collectors.joining(", ")));
        if (!extra.isEmpty()) {
            sql.append(columns.isEmpty() ? "" : ", ").append(extra);
        }
        if (columns.isEmpty() && extra.isEmpty()) {
            sql.append("1");
        }
        return sql.append(" FROM ").append(table.qualifiedName()).append(" t").toString();
    }

    /** A reader of the row values from result set column 1. */
    RowReader rowReader() {
        List<ColumnReader> readers = columns.stream().map(c -> c.type().reader()).toList();
        return new RowReader(readers, 1);
    }
}
