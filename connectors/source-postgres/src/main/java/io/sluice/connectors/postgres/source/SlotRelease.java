package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.cdc.AcknowledgedStates;
import io.sluice.protocol.StateMessage.GlobalState;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a continuous read with "After loading Data in the destination", moves the replication slot's
 * confirmed position to each position the destination has acknowledged, while Debezium keeps
 * streaming: the server may then recycle the WAL before it. A batch read needs none of this (the
 * next sync's start advances the slot), nor does "While reading Data" (Debezium confirms as it reads).
 * Used on the reading thread only.
 */
final class SlotRelease {
    private static final Logger LOG = LoggerFactory.getLogger(SlotRelease.class);
    private static final long EVERY_NANOS = 500_000_000L;

    private final Optional<AcknowledgedStates> acknowledged;
    private long releasedLsn;
    private long lastCheck;

    private SlotRelease(Optional<AcknowledgedStates> acknowledged, long releasedLsn) {
        this.acknowledged = acknowledged;
        this.releasedLsn = releasedLsn;
    }

    /** The release for this read: one that does nothing unless it is needed and the emitter can tell acknowledgements. */
    static SlotRelease of(CdcSettings cdc, Emitter out, long confirmedLsn) {
        boolean needed = cdc.continuous() && cdc.commitBehaviour() == CdcSettings.LsnCommit.AFTER_LOADING;
        if (needed && !(out instanceof AcknowledgedStates)) {
            LOG.warn("this continuous read cannot learn which states are acknowledged: the replication slot"
                    + " advances only when the sync restarts");
        }
        return new SlotRelease(needed && out instanceof AcknowledgedStates a ? Optional.of(a) : Optional.empty(),
                confirmedLsn);
    }

    /** At most twice a second: commits the latest acknowledged position through Debezium when it moved on. */
    void maybeRelease(CdcEngine engine) throws InterruptedException {
        long now = System.nanoTime();
        if (acknowledged.isEmpty() || now - lastCheck < EVERY_NANOS) {
            return;
        }
        lastCheck = now;
        Optional<JsonNode> shared = acknowledged.get().acknowledged().global()
                .flatMap(GlobalState::sharedState).filter(s -> s.has("offset"));
        OptionalLong lsn = shared.map(CdcOffsets::lsn).orElse(OptionalLong.empty());
        if (lsn.isPresent() && lsn.getAsLong() > releasedLsn && engine.commit(CdcOffsets.offset(shared.get()))) {
            LOG.debug("confirming the acknowledged LSN {} to the replication slot", lsn.getAsLong());
            releasedLsn = lsn.getAsLong();
        }
    }
}
