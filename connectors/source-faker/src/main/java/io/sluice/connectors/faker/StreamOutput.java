package io.sluice.connectors.faker;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.Emitter;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.TraceMessage;
import io.sluice.protocol.TraceMessage.EstimateTrace;
import io.sluice.protocol.TraceMessage.EstimateType;
import io.sluice.protocol.TraceMessage.StreamStatus;
import io.sluice.protocol.TraceMessage.StreamStatusTrace;
import java.util.List;
import java.util.Optional;

/**
 * One stream's side of the emitter: hands rows over in the configured column order, says when a
 * checkpoint is due (every {@code recordsPerSlice} rows), emits the STATE after the rows it
 * covers, and stops the read when the thread is interrupted.
 */
final class StreamOutput {
    private static final int CANCEL_CHECK_MASK = 1023;

    private final Emitter out;
    private final int streamIndex;
    private final StreamDescriptor descriptor;
    private final RowProjection projection;
    private final int recordsPerSlice;
    private long rowsEmitted;
    private long rowsSinceCheckpoint;
    private boolean checkpointed;

    StreamOutput(Emitter out, int streamIndex, StreamDescriptor descriptor, RowProjection projection,
            int recordsPerSlice) {
        this.out = requireNonNull(out, "out");
        this.streamIndex = streamIndex;
        this.descriptor = requireNonNull(descriptor, "descriptor");
        this.projection = requireNonNull(projection, "projection");
        this.recordsPerSlice = recordsPerSlice;
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
        if ((rowsEmitted & CANCEL_CHECK_MASK) == 0) {
            stopIfInterrupted();
        }
        out.record(streamIndex, projection.apply(row));
        rowsEmitted++;
        rowsSinceCheckpoint++;
        return rowsSinceCheckpoint >= recordsPerSlice;
    }

    /** Whether enough rows went out since the last checkpoint for another one. */
    boolean checkpointDue() {
        return rowsSinceCheckpoint >= recordsPerSlice;
    }

    /** Emits the stream's state: it covers every row emitted so far. */
    void checkpoint(StreamPosition position) {
        stopIfInterrupted();
        out.state(StateMessage.ofStream(descriptor, position.toJson()));
        rowsSinceCheckpoint = 0;
        checkpointed = true;
    }

    /**
     * Ends the stream: emits its final state unless the last checkpoint already covers every row,
     * then a COMPLETE status.
     */
    void finish(StreamPosition position) {
        if (rowsSinceCheckpoint > 0 || !checkpointed) {
            checkpoint(position);
        }
        status(StreamStatus.COMPLETE);
    }

    private void status(StreamStatus status) {
        out.trace(TraceMessage.streamStatus(new StreamStatusTrace(descriptor, status, List.of()),
                System.currentTimeMillis()));
    }

    long rowsEmitted() {
        return rowsEmitted;
    }

    /** Keeps the interrupt flag set for the caller, as the cancelling engine expects to see it. */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new SyncCancelledException();
        }
    }
}
