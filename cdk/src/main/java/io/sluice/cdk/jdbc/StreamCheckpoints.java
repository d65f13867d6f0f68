package io.sluice.cdk.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Checkpointer;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.TraceMessage;
import io.sluice.protocol.TraceMessage.StreamStatus;
import io.sluice.protocol.TraceMessage.StreamStatusTrace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One stream's output for a table-reading source: rows to the emitter, counted by the cdk
 * {@link Checkpointer}, states when a checkpoint is due (every {@code everyRecords} rows or
 * {@code everyTime}), stream status traces, cancellation checks. Create one per stream read; use it
 * on the reading thread only.
 */
public final class StreamCheckpoints {
    private static final int TIME_CHECK_MASK = 1023;

    private final Emitter out;
    private final int index;
    private final StreamDescriptor descriptor;
    private final Checkpointer checkpointer;
    private final int everyRecords;
    private final Duration everyTime;
    private final Clock clock;
    private long rows;

    /** @param index the stream's position in the configured catalog */
    public StreamCheckpoints(Emitter out, int index, StreamDescriptor descriptor, int everyRecords, Duration everyTime) {
        this.out = requireNonNull(out, "out");
        this.index = index;
        this.descriptor = requireNonNull(descriptor, "descriptor");
        this.everyRecords = everyRecords;
        this.everyTime = requireNonNull(everyTime, "everyTime");
        this.clock = Clock.systemUTC();
        this.checkpointer = new Checkpointer(out, everyRecords, everyTime, clock);
    }

    /** Emits the STARTED status; call it before the first row. */
    public void started() {
        status(StreamStatus.STARTED);
    }

    /** Emits one row; throws {@link SyncCancelledException} once the thread is interrupted. */
    public void row(Object[] row) {
        if ((rows++ & TIME_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
            throw new SyncCancelledException();
        }
        out.record(index, row);
        checkpointer.recordEmitted(index);
    }

    /** Whether enough rows or time passed since the last state for another one. */
    public boolean due() {
        long since = checkpointer.recordsSinceLastState();
        if (since >= everyRecords) {
            return true;
        }
        return since > 0 && (rows & TIME_CHECK_MASK) == 0
                && Duration.between(checkpointer.lastStateAt(), Instant.now(clock)).compareTo(everyTime) >= 0;
    }

    /** Emits a state covering every row emitted so far. */
    public void checkpoint(JsonNode state) {
        checkpointer.position(StateMessage.ofStream(descriptor, state));
        checkpointer.flush();
    }

    /** Ends the stream: a last state unless one already covers every row, then COMPLETE. */
    public void finish(JsonNode state) {
        if (checkpointer.recordsSinceLastState() > 0 || checkpointer.statesEmitted() == 0) {
            checkpoint(state);
        }
        status(StreamStatus.COMPLETE);
    }

    /** The rows emitted so far. */
    public long rowsEmitted() {
        return checkpointer.recordCount();
    }

    private void status(StreamStatus status) {
        out.trace(TraceMessage.streamStatus(new StreamStatusTrace(descriptor, status, List.of()),
                System.currentTimeMillis()));
    }
}
