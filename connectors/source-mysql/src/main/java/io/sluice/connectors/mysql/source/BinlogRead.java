package io.sluice.connectors.mysql.source;

import io.sluice.cdk.Checkpointer;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.GlobalState;
import io.sluice.protocol.StateMessage.StreamState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the changes of the CDC streams from the binary log, from a stored position on. Emits a row
 * per changed row image and a GLOBAL state ({@code {"file", "pos", "gtid"}}) at transaction
 * boundaries, every N records or T seconds. A batch read ends once the client has read past the
 * log's end as it was at the start and no event came for {@code quiet}, or after the initial
 * waiting time without any; a continuous read follows the log until the sync is cancelled.
 */
final class BinlogRead {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogRead.class);
    private static final long POLL_MILLIS = 200;
    /** How often a continuous read cuts a state at most: changes should reach the destination within seconds. */
    static final Duration CONTINUOUS_CHECKPOINT_TIME = Duration.ofSeconds(1);
    /** MySQL's and MariaDB's error for a binlog position the server no longer has. */
    static final int LOG_NOT_AVAILABLE = 1236;

    private final MySqlConfig config;
    private final MySqlConnections connections;
    private final CdcSettings cdc;
    private final Duration quiet;
    private final int checkpointRecords;
    private final Duration checkpointTime;
    private final boolean continuous;

    BinlogRead(MySqlConfig config, MySqlConnections connections, Duration quiet, int checkpointRecords,
            Duration checkpointTime, boolean continuous) {
        this.config = config;
        this.connections = connections;
        this.cdc = config.cdc().orElseThrow();
        this.quiet = quiet;
        this.checkpointRecords = checkpointRecords;
        this.checkpointTime = continuous && checkpointTime.compareTo(CONTINUOUS_CHECKPOINT_TIME) > 0
                ? CONTINUOUS_CHECKPOINT_TIME : checkpointTime;
        this.continuous = continuous;
    }

    /** @param streams the CDC streams, by catalog index */
    void read(Connection connection, BinlogDialect dialect, Map<Integer, ConfiguredStream> streams, int catalogSize,
            BinlogPosition start, Emitter out) throws SQLException, InterruptedException {
        if (!BinlogDialect.files(connection).contains(start.file())) {
            throw ConnectorException.config(purged(start));
        }
        BinlogPosition target = dialect.current(connection);
        Map<String, Integer> byTable = new HashMap<>();
        List<RowSchema> schemas = new ArrayList<>();
        List<String[]> cdcNames = new ArrayList<>();
        for (int i = 0; i < catalogSize; i++) {
            ConfiguredStream s = streams.get(i);
            RowSchema schema = s == null ? RowSchema.of(MessageCodec.mapper().createObjectNode())
                    : RowSchema.of(s.stream().jsonSchema());
            schemas.add(schema);
            String[] names = new String[schema.size()];
            for (int c = 0; c < names.length; c++) {
                names[c] = CdcColumns.isCdcColumn(schema.column(c).name()) ? schema.column(c).name() : null;
            }
            cdcNames.add(names);
            if (s != null) {
                byTable.put(s.stream().namespace().orElse(config.database()) + "." + s.stream().name(), i);
            }
        }
        BinlogTables tables = new BinlogTables(connections, connection, byTable, schemas);
        BinlogChanges changes = new BinlogChanges(tables, cdcNames, start,
                new GtidTracker(dialect, start.gtid()), new Checkpointer(out, checkpointRecords, checkpointTime,
                        Clock.systemUTC()), streams, out);
        LOG.info("reading the binary log from {}:{} (end at the start: {}:{}){}", start.file(), start.pos(),
                target.file(), target.pos(), continuous ? ", continuously" : "");
        try (tables; BinlogStream stream = BinlogStream.open(config, cdc.serverId(), start)) {
            long lastEventAt = System.nanoTime();
            long passedTargetAt = -1;
            boolean sawEvent = false;
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new SyncCancelledException();
                }
                BinlogStream.Item item = stream.poll(POLL_MILLIS);
                long now = System.nanoTime();
                if (item instanceof BinlogStream.Item.Ended ended) {
                    throw failure(ended, changes.position());
                }
                if (item instanceof BinlogStream.Item.Received received) {
                    lastEventAt = now;
                    sawEvent = true;
                    changes.handle(received.event());
                    if (passedTargetAt < 0 && changes.position().compareTo(target) >= 0) {
                        passedTargetAt = now;
                    }
                    // a busy server: stop at a transaction end once past the start's end for the quiet time
                    if (!continuous && passedTargetAt >= 0 && !changes.inTransaction()
                            && Duration.ofNanos(now - passedTargetAt).compareTo(quiet) >= 0) {
                        LOG.info("read past the binlog position {}:{} of the sync's start", target.file(), target.pos());
                        break;
                    }
                    continue;
                }
                if (continuous) {
                    // a destination commits at a state once its own interval has passed: keep states coming
                    changes.heartbeat(checkpointTime);
                    continue;
                }
                changes.flushIfDue(checkpointTime);
                Duration idle = Duration.ofNanos(now - lastEventAt);
                boolean caughtUp = stream.drained() && stream.clientPosition().map(p -> p.compareTo(target) >= 0)
                        .orElse(false);
                if (caughtUp && idle.compareTo(quiet) >= 0) {
                    LOG.info("caught up with the binlog position {}:{} of the sync's start", target.file(), target.pos());
                    break;
                }
                if (idle.compareTo(cdc.initialWaiting()) >= 0) {
                    LOG.info("no change for {} s{}; ending the sync", cdc.initialWaiting().toSeconds(),
                            sawEvent ? "" : " (none at all)");
                    break;
                }
            }
        }
        changes.finish();
        LOG.info("CDC read {} changes, up to {}:{}", changes.emitted(), changes.position().file(), changes.position().pos());
    }

    private ConnectorException failure(BinlogStream.Item.Ended ended, BinlogPosition at) {
        Exception error = ended.error();
        if (error instanceof com.github.shyiko.mysql.binlog.network.ServerException server) {
            if (server.getErrorCode() == LOG_NOT_AVAILABLE) {
                return ConnectorException.config(purged(at) + " (server: " + server.getMessage() + ")");
            }
            if (server.getErrorCode() == 1227 || server.getErrorCode() == 1045) {
                return ConnectorException.config("Reading the binary log of " + config.host() + ":" + config.port()
                        + " was refused: " + server.getMessage() + " (" + CdcPrerequisites.GRANT_HINT + ")");
            }
        }
        String message = "Reading the binary log of " + config.host() + ":" + config.port() + " stopped: "
                + (error == null ? "the server closed the stream" : String.valueOf(error.getMessage()));
        return ConnectorException.transientError(message, error);
    }

    static String purged(BinlogPosition position) {
        return "The binary log file \"" + position.file() + "\" holding the position this connection stopped at has "
                + "been purged from the server, so changes since then are lost to CDC: reset the connection (a new "
                + "snapshot), and keep binary logs longer (binlog_expire_logs_seconds / expire_logs_days)";
    }

    /** The GLOBAL state at {@code position}, listing the CDC streams (the ones that had their snapshot). */
    static StateMessage global(BinlogPosition position, java.util.Collection<ConfiguredStream> streams) {
        List<StreamState> states = streams.stream()
                .map(s -> new StreamState(s.descriptor(), Optional.of(MessageCodec.mapper().createObjectNode())))
                .toList();
        return StateMessage.ofGlobal(new GlobalState(Optional.of(position.toJson()), states));
    }
}
