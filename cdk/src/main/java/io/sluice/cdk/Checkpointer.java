package io.sluice.cdk;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.StateType;
import io.sluice.protocol.StreamDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides when a source emits STATE. The source counts each record it emits
 * ({@link #recordEmitted}) and reports each safe position ({@link #position}): a state that covers
 * every record emitted so far. The checkpointer emits the latest reported position once
 * {@code everyRecords} records or {@code everyTime} have passed since the last emitted state, and
 * what is still pending on {@link #flush()} (at the end of a stream or of the read).
 *
 * <p>Pending STREAM states are kept per stream, so interleaved streams each get their latest
 * position; a GLOBAL or LEGACY position replaces the previous one. Used on the source's reading
 * thread only; not thread-safe.
 */
public final class Checkpointer {
    private final Emitter out;
    private final int everyRecords;
    private final Duration everyTime;
    private final Clock clock;
    private final Map<StreamDescriptor, StateMessage> pendingStreams = new LinkedHashMap<>();
    private StateMessage pendingShared;
    private long recordsSinceState;
    private long recordsTotal;
    private long statesEmitted;
    private Instant lastStateAt;

    /**
     * @param everyRecords emit after at least this many records (over all streams), at the next position
     * @param everyTime emit after at least this much time, at the next position
     */
    public Checkpointer(Emitter out, int everyRecords, Duration everyTime, Clock clock) {
        this.out = requireNonNull(out, "out");
        this.everyTime = requireNonNull(everyTime, "everyTime");
        this.clock = requireNonNull(clock, "clock");
        if (everyRecords < 1) {
            throw new IllegalArgumentException("everyRecords must be >= 1, got " + everyRecords);
        }
        if (everyTime.isNegative()) {
            throw new IllegalArgumentException("everyTime must not be negative, got " + everyTime);
        }
        this.everyRecords = everyRecords;
        this.lastStateAt = clock.instant();
    }

    /** Counts one record the source has just emitted for the stream at {@code streamIndex}. */
    public void recordEmitted(int streamIndex) {
        recordsSinceState++;
        recordsTotal++;
    }

    /**
     * Remembers a safe position: every record up to it has been emitted. Emits it (with any other
     * pending stream positions) when a checkpoint is due.
     */
    public void position(StateMessage state) {
        requireNonNull(state, "state");
        if (state.type() == StateType.STREAM) {
            StreamDescriptor stream = state.stream().orElseThrow().streamDescriptor();
            pendingStreams.remove(stream);
            pendingStreams.put(stream, state);
        } else {
            pendingShared = state;
        }
        if (due()) {
            flush();
        }
    }

    /** Emits the pending positions, if any. Call it at the end of each stream and of the read. */
    public void flush() {
        if (pendingStreams.isEmpty() && pendingShared == null) {
            return;
        }
        List<StateMessage> toEmit = new ArrayList<>(pendingStreams.values());
        if (pendingShared != null) {
            toEmit.add(pendingShared);
        }
        pendingStreams.clear();
        pendingShared = null;
        for (StateMessage state : toEmit) {
            out.state(state);
            statesEmitted++;
        }
        recordsSinceState = 0;
        lastStateAt = clock.instant();
    }

    /** Whether a position is waiting to be emitted. */
    public boolean hasPending() {
        return pendingShared != null || !pendingStreams.isEmpty();
    }

    /** The records counted since the last emitted state. */
    public long recordsSinceLastState() {
        return recordsSinceState;
    }

    /** All records counted. */
    public long recordCount() {
        return recordsTotal;
    }

    /** How many states have been emitted. */
    public long statesEmitted() {
        return statesEmitted;
    }

    /** When the last state was emitted (or the checkpointer created), by its clock. */
    public Instant lastStateAt() {
        return lastStateAt;
    }

    private boolean due() {
        return recordsSinceState >= everyRecords
                || Duration.between(lastStateAt, clock.instant()).compareTo(everyTime) >= 0;
    }
}
