package io.sluice.connectors.mysql.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.jdbc.RowReader;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import io.sluice.cdk.jdbc.StreamingQuery;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table scans of a CDC source, rows completed with the CDC columns of a binlog position: the
 * snapshot of the CDC streams (all in one consistent snapshot, whose position is returned), and
 * full refresh streams of a CDC source.
 */
final class CdcTableRead {
    private static final Logger LOG = LoggerFactory.getLogger(CdcTableRead.class);

    private CdcTableRead() {}

    /**
     * Reads the tables of {@code streams} in one consistent snapshot on a connection of its own, and
     * returns the binlog position the snapshot corresponds to. Emits rows only: the GLOBAL state
     * that follows covers them.
     */
    static BinlogPosition snapshot(MySqlConnections connections, BinlogDialect dialect, String database,
            Map<Integer, ConfiguredStream> streams, Emitter out) throws SQLException {
        try (Connection connection = connections.open()) {
            BinlogPosition position = dialect.startSnapshot(connection);
            LOG.info("snapshot of {} tables at binlog position {}:{}", streams.size(), position.file(), position.pos());
            for (Map.Entry<Integer, ConfiguredStream> e : streams.entrySet()) {
                long rows = scan(connection, database, e.getValue(), position, (index, row) -> out.record(e.getKey(), row));
                LOG.info("snapshot of stream {}: {} records", e.getValue().descriptor(), rows);
            }
            connection.commit();
            return position;
        }
    }

    /** A full refresh stream of a CDC source, its CDC columns filled with the current binlog position. */
    static void fullRefresh(Connection connection, String database, BinlogPosition position, ConfiguredStream stream,
            StreamCheckpoints out) throws SQLException {
        out.started();
        scan(connection, database, stream, position, (i, row) -> {
            out.row(row);
            if (out.due()) {
                out.checkpoint(JsonNodeFactory.instance.objectNode());
            }
        });
        out.finish(JsonNodeFactory.instance.objectNode());
    }

    /** Takes one complete row. */
    private interface RowSink {
        void row(int index, Object[] row);
    }

    private static long scan(Connection connection, String defaultDatabase, ConfiguredStream stream,
            BinlogPosition position, RowSink sink) throws SQLException {
        String database = stream.stream().namespace().orElse(defaultDatabase);
        String name = stream.stream().name();
        MySqlTable table = MySqlCatalog.table(connection, database, name).orElseThrow(() -> ConnectorException
                .config("table \"" + database + "." + name + "\" does not exist (or is not a table or view)"));
        StreamPlan plan = StreamPlan.of(tableOnly(stream), table);
        RowSchema schema = RowSchema.of(stream.stream().jsonSchema());
        List<String> planned = plan.columns().stream().map(MySqlTable.MySqlColumn::name).toList();
        int[] from = new int[schema.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = planned.indexOf(schema.column(i).name());
        }
        Instant at = Instant.now();
        RowReader reader = plan.rowReader();
        long[] rows = {0};
        StreamingQuery.run(connection, plan.select(""), s -> { }, rs -> {
            Object[] values = reader.read(rs);
            Object[] row = new Object[from.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = from[i] >= 0 ? values[from[i]] : CdcColumns.value(schema.column(i).name(), position, at, false);
            }
            sink.row(0, row);
            rows[0]++;
        });
        return rows[0];
    }

    /** The stream without its CDC columns: what the table itself has. */
    static ConfiguredStream tableOnly(ConfiguredStream stream) {
        ObjectNode schema = stream.stream().jsonSchema().deepCopy();
        for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
            if (CdcColumns.isCdcColumn(it.next())) {
                it.remove();
            }
        }
        AirbyteStream s = stream.stream();
        AirbyteStream tableOnly = new AirbyteStream(s.name(), schema, s.supportedSyncModes(), s.sourceDefinedCursor(),
                List.of(), s.sourceDefinedPrimaryKey(), s.namespace(), s.isResumable(), Map.of());
        return ConfiguredStream.of(tableOnly, SyncMode.FULL_REFRESH, List.of(), stream.destinationSyncMode(),
                stream.primaryKey());
    }

    /** Whether the stream had its snapshot: the GLOBAL state lists it. */
    static boolean snapshotted(ConfiguredStream stream, StateMessage.GlobalState global) {
        return global.streamStates().stream().anyMatch(s -> s.streamDescriptor().equals(stream.descriptor()));
    }
}
