package io.sluice.platform.jobs;

import io.sluice.cdk.InputState;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncHandle;
import io.sluice.engine.SyncListener;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.platform.store.StateDao;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one attempt of a {@code reset_connection} job: the connection's streams are synced from a
 * source that reads nothing in full_refresh / overwrite, which leaves them empty in the
 * destination, and then its state is cleared.
 */
final class ResetAttempt {
    private final PreparedSync.Planner planner;
    private final StateDao states;
    private final SyncEngine engine;

    ResetAttempt(PreparedSync.Planner planner, StateDao states, SyncEngine engine) {
        this.planner = planner;
        this.states = states;
        this.engine = engine;
    }

    /** Runs the reset; {@code started} gets the running sync so that a cancel can stop it. */
    SyncResult run(UUID connectionId, AttemptLog log, SyncListener listener, Consumer<SyncHandle> started) {
        SyncResult result = clearDestination(connectionId, log, listener, started);
        if (result.status() == SyncResult.Status.SUCCEEDED) {
            int cleared = states.delete(connectionId);
            log.info(cleared > 0 ? "cleared the state of connection " + connectionId
                    : "connection " + connectionId + " had no state");
        }
        return result;
    }

    private SyncResult clearDestination(UUID connectionId, AttemptLog log, SyncListener listener,
            Consumer<SyncHandle> started) {
        Instant start = Instant.now();
        try {
            PreparedSync plan = planner.prepare(connectionId);
            ConfiguredCatalog overwrite = new ConfiguredCatalog(plan.catalog().streams().stream()
                    .map(s -> new ConfiguredStream(s.stream(), SyncMode.FULL_REFRESH, s.cursorField(),
                            DestinationSyncMode.OVERWRITE, s.primaryKey(), s.generationId(), s.minimumGenerationId(),
                            s.syncId(), s.unknownFields()))
                    .toList());
            log.info("reset of connection " + connectionId + ": clearing " + overwrite.streams().size()
                    + " streams in " + plan.destination().name());
            SyncRequest request = SyncRequest.builder(new EmptySource(plan.source()), plan.sourceConfig(),
                            plan.destination(), plan.destinationConfig(), overwrite)
                    .namespaceMapping(plan.namespaceMapping())
                    .listener(listener)
                    .connectorResources(plan.limits().connectorResources())
                    .build();
            SyncHandle handle = engine.start(request);
            started.accept(handle);
            return handle.await();
        } catch (RuntimeException e) {
            return new SyncResult(SyncResult.Status.FAILED, Map.of(),
                    Optional.of(SyncResult.Failure.of(SyncResult.Origin.ENGINE, e)), InputState.empty(),
                    Duration.between(start, Instant.now()));
        }
    }
}
