package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.jdbc.ColumnReader;
import io.sluice.cdk.jdbc.RowReader;
import io.sluice.connectors.postgres.source.PgTable.PgColumn;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What to read for one configured stream: the table and, in the stream's row order, the columns
 * of its configured JSON schema.
 */
record StreamPlan(int index, ConfiguredStream stream, PgTable table, List<PgColumn> columns) {

    StreamPlan {
        requireNonNull(stream, "stream");
        requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }

    /** @throws ConnectorException (CONFIG) when a configured column is gone from the table */
    static StreamPlan of(int index, ConfiguredStream stream, PgTable table) {
        RowSchema schema = RowSchema.of(stream.stream().jsonSchema());
        List<PgColumn> columns = new ArrayList<>();
        for (RowSchema.Column column : schema.columns()) {
            columns.add(table.column(column.name()).orElseThrow(() -> ConnectorException.config("column \""
                    + column.name() + "\" of " + table.schema() + "." + table.name()
                    + " no longer exists; refresh the source schema")));
        }
        return new StreamPlan(index, stream, table, columns);
    }

    StreamDescriptor descriptor() {
        return stream.descriptor();
    }

    /** The quoted column list of the SELECT, in row order. */
    String selectList() {
        return columns.stream().map(c -> c.type().selectExpression(PgTable.quote(c.name())))
                .collect(Collectors.joining(", "));
    }

    /** A reader of the row values, starting at result set column {@code firstColumn}. */
    RowReader rowReader(int firstColumn) {
        List<ColumnReader> readers = columns.stream().map(c -> c.type().reader()).toList();
        return new RowReader(readers, firstColumn);
    }
}
