package io.sluice.connectors.mysql.source;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
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
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    /** MySQL's and MariaDB's error for a binlog position the server no longer has. */
    static final int LOG_NOT_AVAILABLE = 1236;

    private final MySqlConfig config;
    private final CdcSettings cdc;
    private final Duration quiet;
    private final int checkpointRecords;
    private final Duration checkpointTime;
    private final boolean continuous;

    BinlogRead(MySqlConfig config, Duration quiet, int checkpointRecords, Duration checkpointTime, boolean continuous) {
        this.config = config;
        this.cdc = config.cdc().orElseThrow();
        this.quiet = quiet;
        this.checkpointRecords = checkpointRecords;
        this.checkpointTime = checkpointTime;
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
        Changes changes = new Changes(new BinlogTables(connection, byTable, schemas), cdcNames, start,
                new GtidTracker(dialect, start.gtid()), new Checkpointer(out, checkpointRecords, checkpointTime,
                        Clock.systemUTC()), streams, out);
        LOG.info("reading the binary log from {}:{} (end at the start: {}:{}){}", start.file(), start.pos(),
                target.file(), target.pos(), continuous ? ", continuously" : "");
        try (BinlogStream stream = BinlogStream.open(config, cdc.serverId(), start)) {
            long lastEventAt = System.nanoTime();
            boolean sawEvent = false;
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new SyncCancelledException();
                }
                BinlogStream.Item item = stream.poll(POLL_MILLIS);
                long now = System.nanoTime();
                if (item instanceof BinlogStream.Item.Ended ended) {
                    throw failure(ended, changes.position);
                }
                if (item instanceof BinlogStream.Item.Received received) {
                    lastEventAt = now;
                    sawEvent = true;
                    changes.handle(received.event());
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
        LOG.info("CDC read {} changes, up to {}:{}", changes.emitted, changes.position.file(), changes.position.pos());
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

    /** The state of one read: where it is, what it emitted, the checkpoints. */
    private static final class Changes {
        private final BinlogTables tables;
        private final List<String[]> cdcNames;
        private final GtidTracker gtids;
        private final Checkpointer checkpoints;
        private final Map<Integer, ConfiguredStream> streams;
        private final Emitter out;
        private final Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        private String file;
        private BinlogPosition position;
        private boolean inTransaction;
        private long emitted;

        Changes(BinlogTables tables, List<String[]> cdcNames, BinlogPosition start, GtidTracker gtids,
                Checkpointer checkpoints, Map<Integer, ConfiguredStream> streams, Emitter out) {
            this.tables = tables;
            this.cdcNames = cdcNames;
            this.position = start;
            this.file = start.file();
            this.gtids = gtids;
            this.checkpoints = checkpoints;
            this.streams = streams;
            this.out = out;
        }

        void handle(Event event) throws SQLException {
            EventHeaderV4 header = event.getHeader();
            switch (event.getData()) {
                case RotateEventData rotate -> {
                    file = rotate.getBinlogFilename();
                    if (!inTransaction) {
                        position = position.at(file, rotate.getBinlogPosition());
                    }
                }
                case MariadbGtidEventData gtid -> {
                    gtids.begin(gtid.getDomainId() + "-" + gtid.getServerId() + "-" + gtid.getSequence());
                    inTransaction = true;
                }
                case GtidEventData gtid -> {
                    gtids.begin(gtid.getMySqlGtid().toString());
                    inTransaction = true;
                }
                case QueryEventData query -> {
                    String sql = query.getSql().trim().toUpperCase(Locale.ROOT);
                    if (sql.equals("BEGIN")) {
                        inTransaction = true;
                    } else {
                        if (!sql.equals("COMMIT")) {
                            tables.forget();
                        }
                        commit(header);
                    }
                }
                case TableMapEventData map -> tableMaps.put(map.getTableId(), map);
                case WriteRowsEventData write -> rows(header, write.getTableId(), write.getIncludedColumns(),
                        write.getRows(), false);
                case UpdateRowsEventData update -> rows(header, update.getTableId(), update.getIncludedColumns(),
                        update.getRows().stream().map(Map.Entry::getValue).toList(), false);
                case DeleteRowsEventData delete -> rows(header, delete.getTableId(), delete.getIncludedColumns(),
                        delete.getRows(), true);
                case null, default -> {
                    if (header.getEventType() == com.github.shyiko.mysql.binlog.event.EventType.XID) {
                        commit(header);
                    }
                }
            }
        }

        private void rows(EventHeaderV4 header, long tableId, BitSet included, List<Serializable[]> images,
                boolean deleted) throws SQLException {
            TableMapEventData map = tableMaps.get(tableId);
            if (map == null) {
                return;
            }
            Optional<BinlogTables.TableRows> mapping = tables.rowsOf(map);
            if (mapping.isEmpty()) {
                return;
            }
            BinlogTables.TableRows t = mapping.get();
            if (included.cardinality() < t.columnCount()) {
                throw ConnectorException.config(map.getDatabase() + "." + map.getTable() + ": the binary log holds "
                        + "partial row images; set binlog_row_image = FULL on the server");
            }
            BinlogPosition at = new BinlogPosition(file, header.getPosition(), Optional.empty());
            Instant when = Instant.ofEpochMilli(header.getTimestamp());
            String[] cdc = cdcNames.get(t.streamIndex());
            for (Serializable[] image : images) {
                Object[] row = new Object[cdc.length];
                for (int i = 0; i < row.length; i++) {
                    if (cdc[i] != null) {
                        row[i] = CdcColumns.value(cdc[i], at, when, deleted);
                    } else if (t.sources()[i] >= 0) {
                        row[i] = t.values()[i].convert(image[t.sources()[i]]);
                    }
                }
                out.record(t.streamIndex(), row);
                checkpoints.recordEmitted(t.streamIndex());
                emitted++;
            }
        }

        private void commit(EventHeaderV4 header) {
            inTransaction = false;
            gtids.commit();
            position = new BinlogPosition(file, header.getNextPosition(), gtids.current());
            checkpoints.position(state());
        }

        /** In an idle moment, emits the pending position if it waited long enough. */
        void flushIfDue(Duration every) {
            if (checkpoints.hasPending()
                    && Duration.between(checkpoints.lastStateAt(), Instant.now()).compareTo(every) >= 0) {
                checkpoints.flush();
            }
        }

        /** In an idle moment of a continuous read, emits the current position if no state went out for {@code every}. */
        void heartbeat(Duration every) {
            if (Duration.between(checkpoints.lastStateAt(), Instant.now()).compareTo(every) >= 0) {
                checkpoints.position(state());
                checkpoints.flush();
            }
        }

        void finish() {
            checkpoints.position(state());
            checkpoints.flush();
        }

        private StateMessage state() {
            return global(position, streams.values());
        }
    }

    /** The GLOBAL state at {@code position}, listing the CDC streams (the ones that had their snapshot). */
    static StateMessage global(BinlogPosition position, java.util.Collection<ConfiguredStream> streams) {
        List<StreamState> states = streams.stream()
                .map(s -> new StreamState(s.descriptor(), Optional.of(MessageCodec.mapper().createObjectNode())))
                .toList();
        return StateMessage.ofGlobal(new GlobalState(Optional.of(position.toJson()), states));
    }
}
