package io.sluice.connectors.mysql.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.jdbc.RowReader;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import io.sluice.cdk.jdbc.StreamingQuery;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A full refresh of one stream: one SELECT streamed by the driver (a fetch size makes Connector/J
 * read the result in slices instead of buffering it whole), rows read by the typed column readers,
 * an empty state at each checkpoint and at the end.
 */
final class FullRefreshRead {
    private FullRefreshRead() {}

    static void read(Connection connection, StreamPlan plan, StreamCheckpoints out) throws SQLException {
        RowReader reader = plan.rowReader();
        StreamingQuery.run(connection, plan.select(""), s -> { }, rs -> {
            out.row(reader.read(rs));
            if (out.due()) {
                out.checkpoint(JsonNodeFactory.instance.objectNode());
            }
        });
        out.finish(JsonNodeFactory.instance.objectNode());
    }
}
