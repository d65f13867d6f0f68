package io.sluice.connectors.faker;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.Checkpointer;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.TraceMessage;
import io.sluice.protocol.TraceMessage.EstimateTrace;
import io.sluice.protocol.TraceMessage.EstimateType;
import io.sluice.protocol.TraceMessage.StreamStatus;
import io.sluice.protocol.TraceMessage.StreamStatusTrace;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One stream's side of the emitter: hands rows over in the configured column order, says when a
 * checkpoint is due (every {@code recordsPerSlice} rows, counted by the cdk {@link Checkpointer}),
 * emits the STATE after the rows it covers, and stops the read when the thread is interrupted.
 */
final class StreamOutput {
    private static final int CANCEL_CHECK_MASK = 1023;
    /** Rows come fast and Airbyte's faker checkpoints by count only, so time never triggers one. */
    private static final Duration NO_TIME_TRIGGER = Duration.ofDays(365L * 1000);

    private final Emitter out;
    private final int streamIndex;
    private final StreamDescriptor descriptor;
    private final RowProjection projection;
    private final int recordsPerSlice;
    private final Checkpointer checkpointer;

    StreamOutput(Emitter out, int streamIndex, StreamDescriptor descriptor, RowProjection projection,
            int recordsPerSlice) {
        this.out = requireNonNull(out, "out");
        this.streamIndex = streamIndex;
        this.descriptor = requireNonNull(descriptor, "descriptor");
        this.projection = requireNonNull(projection, "projection");
        this.recordsPerSlice = recordsPerSlice;
        this.checkpointer = new Checkpointer(out, recordsPerSlice, NO_TIME_TRIGGER, Clock.systemUTC());
    }

    /** Announces the stream (a STARTED status) and how many rows it will emit. */
    void start(long estimatedRows) {
        status(StreamStatus.STARTED);
        estimate(estimatedRows);
    }

    private void estimate(long rows) {
        EstimateTrace estimate = new EstimateTrace(descriptor.name(), EstimateType.STREAM,
                descriptor.namespace(), Optional.of(Math.max(rows, 0)), Optional.empty());
        out.trace(TraceMessage.estimate(estimate, System.currentTimeMillis()));
    }

    /** Emits one row (handed over); true when a checkpoint is due. */
    boolean row(Object[] row) {
        if ((checkpointer.recordCount() & CANCEL_CHECK_MASK) == 0) {
            stopIfInterrupted();
        }
        out.record(streamIndex, projection.apply(row));
        checkpointer.recordEmitted(streamIndex);
        return checkpointDue();
    }

    /** Whether enough rows went out since the last checkpoint for another one. */
    boolean checkpointDue() {
        return checkpointer.recordsSinceLastState() >= recordsPerSlice;
    }

    /** Emits the stream's state: it covers every row emitted so far. */
    void checkpoint(StreamPosition position) {
        stopIfInterrupted();
        checkpointer.position(StateMessage.ofStream(descriptor, position.toJson()));
        checkpointer.flush();
    }

    /**
     * Ends the stream: emits its final state unless the last checkpoint already covers every row,
     * then a COMPLETE status.
     */
    void finish(StreamPosition position) {
        if (checkpointer.recordsSinceLastState() > 0 || checkpointer.statesEmitted() == 0) {
            checkpoint(position);
        }
        status(StreamStatus.COMPLETE);
    }

    private void status(StreamStatus status) {
        out.trace(TraceMessage.streamStatus(new StreamStatusTrace(descriptor, status, List.of()),
                System.currentTimeMillis()));
    }

    long rowsEmitted() {
        return checkpointer.recordCount();
    }

    /** Keeps the interrupt flag set for the caller, as the cancelling engine expects to see it. */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new SyncCancelledException();
        }
    }
}
