package io.sluice.connectors.mysql.source;

import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.StateMessage.GlobalState;
import io.sluice.protocol.SyncMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of a CDC source: full refresh streams scanned (CDC columns at the current position);
 * incremental streams snapshotted on the first sync (and when new to the connection), then their
 * changes read from the binary log from the GLOBAL state's position.
 */
final class CdcSync {
    private static final Logger LOG = LoggerFactory.getLogger(CdcSync.class);

    private final MySqlConfig config;
    private final MySqlConnections connections;
    private final int checkpointRecords;
    private final Duration checkpointTime;
    private final Duration quiet;
    private final boolean continuous;

    CdcSync(MySqlConfig config, MySqlConnections connections, int checkpointRecords, Duration checkpointTime,
            Duration quiet, boolean continuous) {
        this.config = config;
        this.connections = connections;
        this.checkpointRecords = checkpointRecords;
        this.checkpointTime = checkpointTime;
        this.quiet = quiet;
        this.continuous = continuous;
    }

    void read(Connection connection, List<ConfiguredStream> streams, InputState state, Emitter out)
            throws SQLException, InterruptedException {
        BinlogDialect dialect = BinlogDialect.of(connection);
        Map<Integer, ConfiguredStream> changing = new TreeMap<>();
        for (int index = 0; index < streams.size(); index++) {
            ConfiguredStream stream = streams.get(index);
            if (stream.syncMode() == SyncMode.INCREMENTAL) {
                changing.put(index, stream);
                continue;
            }
            StreamCheckpoints checkpoints = new StreamCheckpoints(out, index, stream.descriptor(), checkpointRecords,
                    checkpointTime);
            CdcTableRead.fullRefresh(connection, config.database(), dialect.current(connection), stream, checkpoints);
            LOG.info("stream {}: emitted {} records", stream.descriptor(), checkpoints.rowsEmitted());
        }
        if (changing.isEmpty()) {
            return;
        }
        Optional<GlobalState> global = state.global();
        Optional<BinlogPosition> stored = global.flatMap(GlobalState::sharedState).flatMap(BinlogPosition::fromJson);
        BinlogPosition start;
        if (stored.isEmpty()) {
            start = CdcTableRead.snapshot(connections, dialect, config.database(), changing, out);
            out.state(BinlogRead.global(start, changing.values()));
        } else {
            start = stored.get();
            Map<Integer, ConfiguredStream> added = new TreeMap<>();
            changing.forEach((index, stream) -> {
                if (!CdcTableRead.snapshotted(stream, global.get())) {
                    added.put(index, stream);
                }
            });
            if (!added.isEmpty()) {
                LOG.info("{} streams are new to CDC: snapshotting their tables first", added.size());
                CdcTableRead.snapshot(connections, dialect, config.database(), added, out);
            }
        }
        new BinlogRead(config, connections, quiet, checkpointRecords, checkpointTime, continuous)
                .read(connection, dialect, changing, streams.size(), start, out);
    }
}
