package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.jdbc.RowReader;
import io.sluice.cdk.jdbc.StreamingQuery;
import java.sql.Connection;
import java.sql.SQLException;

/** A scan through a JDBC server-side cursor ({@link StreamingQuery}), values read by {@link PgType#reader()}. */
final class CursorScan implements TableScan {
    private final StreamPlan plan;

    CursorScan(StreamPlan plan) {
        this.plan = requireNonNull(plan, "plan");
    }

    @Override
    public void scan(Connection connection, String condition, RowSink sink) throws SQLException {
        RowReader reader = plan.rowReader(1);
        String sql = "SELECT " + plan.selectList() + " FROM " + plan.table().qualifiedName()
                + (condition.isEmpty() ? "" : " WHERE " + condition);
        StreamingQuery.run(connection, sql, s -> { }, rs -> sink.accept(reader.read(rs)));
    }
}
