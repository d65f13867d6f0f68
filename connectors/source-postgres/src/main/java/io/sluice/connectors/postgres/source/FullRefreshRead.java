package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.jdbc.RowReader;
import java.sql.Connection;
import java.sql.SQLException;

/** A full refresh of one stream through one server-side cursor. */
final class FullRefreshRead {
    private FullRefreshRead() {}

    static void read(Connection connection, StreamPlan plan, StreamCheckpoints out) throws SQLException {
        RowReader reader = plan.rowReader(1);
        String sql = "SELECT " + plan.selectList() + " FROM " + plan.table().qualifiedName();
        StreamingQuery.run(connection, sql, s -> { }, rs -> {
            out.row(reader.read(rs));
            if (out.due()) {
                out.checkpoint(JsonNodeFactory.instance.objectNode());
            }
        });
        out.finish(JsonNodeFactory.instance.objectNode());
    }
}
