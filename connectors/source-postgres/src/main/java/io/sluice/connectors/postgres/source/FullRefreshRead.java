package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import java.sql.Connection;
import java.sql.SQLException;

/** A full refresh of one stream on one connection. */
final class FullRefreshRead {
    private FullRefreshRead() {}

    static void read(Connection connection, TableScan scan, StreamCheckpoints out) throws SQLException {
        scan.scan(connection, "", row -> {
            out.row(row);
            if (out.due()) {
                out.checkpoint(JsonNodeFactory.instance.objectNode());
            }
        });
        out.finish(JsonNodeFactory.instance.objectNode());
    }
}
