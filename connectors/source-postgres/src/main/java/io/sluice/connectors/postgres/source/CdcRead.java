package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.OptionalLong;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CDC streams of one sync through Debezium: a consistent snapshot on the first sync,
 * then the changes since the acknowledged position. Ends once caught up: the slot's walsender has
 * read past the WAL position of the sync's start and no event arrived for {@code quiet}; or, with
 * no change at all, after the initial waiting time. Emits GLOBAL states carrying Debezium's offset;
 * none inside the snapshot (an interrupted snapshot starts over).
 *
 * <p>A continuous read ({@link CdcSettings#continuous()}) never ends by itself: it follows the log
 * until cancelled, checkpoints at least every {@link #CONTINUOUS_CHECKPOINT} while changes flow and
 * as soon as they pause, and releases acknowledged WAL as it goes ({@link SlotRelease}).
 */
final class CdcRead {
    private static final Logger LOG = LoggerFactory.getLogger(CdcRead.class);
    private static final long POLL_MILLIS = 200;
    private static final long SENT_CHECK_MILLIS = 500;
    /** A continuous read's longest time between checkpoints while changes flow. */
    static final Duration CONTINUOUS_CHECKPOINT = Duration.ofMillis(500);
    /** A continuous read checkpoints once no event arrived for this long. */
    private static final long CONTINUOUS_IDLE_MILLIS = 100;

    private final PostgresConfig pg;
    private final CdcSettings cdc;
    private final Duration quiet;
    private final int checkpointRecords;
    private final Duration checkpointTime;

    CdcRead(PostgresConfig pg, Duration quiet, int checkpointRecords, Duration checkpointTime) {
        this.pg = pg;
        this.cdc = pg.cdc().orElseThrow();
        this.quiet = quiet;
        this.checkpointRecords = checkpointRecords;
        this.checkpointTime = cdc.continuous() && checkpointTime.compareTo(CONTINUOUS_CHECKPOINT) > 0
                ? CONTINUOUS_CHECKPOINT
                : checkpointTime;
    }

    /** @param streams the catalog's streams read by CDC, by catalog index */
    void read(Connection connection, Map<Integer, ConfiguredStream> streams, int catalogSize,
            Optional<GlobalState> state, Emitter out) throws SQLException, InterruptedException {
        ReplicationSlot slot = new ReplicationSlot(cdc.replicationSlot());
        ReplicationSlot.SlotInfo info = slot.info(connection).orElseThrow(() -> ConnectorException.config(
                CdcPrerequisites.missingSlot(cdc.replicationSlot())));
        Optional<JsonNode> shared = state.flatMap(GlobalState::sharedState).filter(s -> s.has("offset"));
        OptionalLong restoredLsn = shared.map(CdcOffsets::lsn).orElse(OptionalLong.empty());
        if (restoredLsn.isPresent() && cdc.commitBehaviour() == CdcSettings.LsnCommit.AFTER_LOADING
                && slot.advanceTo(connection, restoredLsn.getAsLong())) {
            LOG.info("replication slot {} confirmed up to the acknowledged LSN {}", slot.name(), restoredLsn.getAsLong());
        }
        long target = ReplicationSlot.currentWalLsn(connection);
        Map<String, Integer> byTable = new HashMap<>();
        List<RowSchema> schemas = new ArrayList<>();
        for (int i = 0; i < catalogSize; i++) {
            ConfiguredStream s = streams.get(i);
            schemas.add(s == null ? RowSchema.of(MessageCodec.mapper().createObjectNode()) : RowSchema.of(s.stream().jsonSchema()));
            if (s != null) {
                byTable.put(s.stream().namespace().orElse(pg.schemas().getFirst()) + "." + s.stream().name(), i);
            }
        }
        CdcRows rows = new CdcRows(byTable, schemas);
        Checkpointer checkpoints = new Checkpointer(out, checkpointRecords, checkpointTime, Clock.systemUTC());
        ObjectNode last = shared.map(s -> (ObjectNode) s.deepCopy()).orElse(null);
        if (last == null) {
            last = CdcOffsets.shared(Map.of("server", CdcOffsets.TOPIC_PREFIX),
                    Map.of("lsn", info.confirmedFlushLsn(), "ts_usec", System.currentTimeMillis() * 1000));
        }
        long emitted = 0;
        Optional<CdcPasswords.Lease> password = pg.password().map(CdcPasswords::lease);
        SlotRelease release = SlotRelease.of(cdc, out, Math.max(info.confirmedFlushLsn(), restoredLsn.orElse(0)));
        boolean deferCommits = cdc.continuous() && cdc.commitBehaviour() == CdcSettings.LsnCommit.AFTER_LOADING;
        long pollMillis = cdc.continuous() ? CONTINUOUS_IDLE_MILLIS : POLL_MILLIS;
        try (CdcEngine engine = new CdcEngine(CdcProperties.of(pg, byTable.keySet(), shared, password), deferCommits)) {
            engine.start();
            if (cdc.continuous()) {
                LOG.info("continuous CDC: following the log of \"{}\" until cancelled", pg.database());
            }
            long started = System.nanoTime();
            long lastEventAt = started;
            long lastSentCheck = 0;
            boolean sawEvent = false;
            boolean caughtUp = false;
            long caughtUpAt = 0;
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new SyncCancelledException();
                }
                CdcEngine.Event event = engine.poll(pollMillis);
                long now = System.nanoTime();
                if (event instanceof CdcEngine.Event.Ended ended) {
                    throw failure(ended);
                }
                if (event instanceof CdcEngine.Event.Change change) {
                    lastEventAt = now;
                    sawEvent = true;
                    SourceRecord record = change.record();
                    Optional<CdcRows.Change> row = rows.change(record);
                    if (row.isPresent()) {
                        out.record(row.get().streamIndex(), row.get().row());
                        checkpoints.recordEmitted(row.get().streamIndex());
                        emitted++;
                    }
                    if (row.isEmpty() || !row.get().snapshot()) {
                        last = CdcOffsets.shared(record.sourcePartition(), record.sourceOffset());
                        checkpoints.position(global(last, streams));
                    }
                    if (cdc.continuous()) {
                        release.maybeRelease(engine);
                    }
                    continue;
                }
                if (cdc.continuous()) {
                    if (checkpoints.hasPending()) {
                        checkpoints.flush();
                    }
                    release.maybeRelease(engine);
                    continue;
                }
                if (!caughtUp && now - lastSentCheck > SENT_CHECK_MILLIS * 1_000_000) {
                    lastSentCheck = now;
                    OptionalLong sent = slot.sentLsn(connection);
                    caughtUp = sent.isPresent() && sent.getAsLong() >= target;
                    caughtUpAt = now;
                }
                Duration idle = Duration.ofNanos(now - lastEventAt);
                // the quiet time counts from the moment the walsender was seen past the target too: on a busy
                // machine Debezium hands over the changes it was sent seconds later
                if (caughtUp && engine.idle() && Duration.ofNanos(now - Math.max(lastEventAt, caughtUpAt))
                        .compareTo(quiet) >= 0) {
                    LOG.info("caught up with the WAL position {} of the sync's start", target);
                    break;
                }
                if (idle.compareTo(cdc.initialWaiting()) >= 0) {
                    LOG.info("no change for {} s{}; ending the sync", cdc.initialWaiting().toSeconds(),
                            sawEvent ? "" : " (none at all)");
                    break;
                }
            }
        } finally {
            password.ifPresent(CdcPasswords.Lease::close);
        }
        checkpoints.position(global(last, streams));
        checkpoints.flush();
        LOG.info("CDC read {} changes", emitted);
    }

    private static StateMessage global(ObjectNode shared, Map<Integer, ConfiguredStream> streams) {
        List<StreamState> states = streams.values().stream()
                .map(s -> new StreamState(s.descriptor(), Optional.of(MessageCodec.mapper().createObjectNode())))
                .toList();
        return StateMessage.ofGlobal(new GlobalState(Optional.of(shared.deepCopy()), states));
    }

    private ConnectorException failure(CdcEngine.Event.Ended ended) {
        String message = "Change data capture from \"" + pg.database() + "\" stopped: "
                + (ended.error() != null ? rootMessage(ended.error()) : ended.message());
        return ended.error() == null && ended.success()
                ? ConnectorException.system(message, null)
                : ConnectorException.transientError(message, ended.error());
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
