package io.sluice.engine;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.Emitter;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.StateStats;
import io.sluice.protocol.StateMessage.StateType;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.TraceMessage;
import io.sluice.protocol.TraceMessage.TraceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emitter a source writes to, on the reader thread: rows gather into per-stream batches that go
 * on the queue when full (in rows, or when the rows waiting in all batches reach
 * {@code maxPendingBytes}), before a state (which follows as a checkpoint, with the record count it
 * covers as {@code sourceStats}) and at the end. Counts records and bytes per stream.
 */
final class BatchingEmitter implements Emitter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingEmitter.class);

    private final ChunkQueue queue;
    private final SyncCounters counters;
    private final SyncListener listener;
    private final int batchSize;
    private final long maxPendingBytes;
    private final List<Object[]>[] pending;
    private final long[] pendingBytes;
    private long totalPendingBytes;
    private final long[] records;
    private final long[] bytes;
    private final long[] recordsAtLastState;
    private final Map<StreamDescriptor, Integer> indexOf = new HashMap<>();

    @SuppressWarnings("unchecked")
    BatchingEmitter(ChunkQueue queue, SyncCounters counters, SyncListener listener, int batchSize,
            long maxPendingBytes, ConfiguredCatalog catalog) {
        this.queue = queue;
        this.counters = counters;
        this.listener = listener;
        this.batchSize = batchSize;
        this.maxPendingBytes = maxPendingBytes;
        int n = counters.streamCount();
        this.pending = new List[n];
        this.pendingBytes = new long[n];
        this.records = new long[n];
        this.bytes = new long[n];
        this.recordsAtLastState = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            indexOf.put(catalog.streams().get(i).descriptor(), i);
        }
    }

    @Override
    public void record(int streamIndex, Object[] row) {
        queue.checkReader();
        if (streamIndex < 0 || streamIndex >= pending.length) {
            throw new IllegalArgumentException("record for stream index " + streamIndex + " but the catalog has "
                    + pending.length + " streams");
        }
        List<Object[]> batch = pending[streamIndex];
        if (batch == null) {
            batch = new ArrayList<>(batchSize);
            pending[streamIndex] = batch;
        }
        batch.add(row);
        records[streamIndex]++;
        long size = RowSizeEstimator.estimate(row);
        bytes[streamIndex] += size;
        long heap = RowSizeEstimator.heapBytes(row, size);
        pendingBytes[streamIndex] += heap;
        totalPendingBytes += heap;
        if (batch.size() >= batchSize) {
            flush(streamIndex);
        } else if (totalPendingBytes >= maxPendingBytes) {
            flushAll();
        }
    }

    @Override
    public void state(StateMessage state) {
        queue.checkReader();
        flushAll();
        StateMessage counted = state.withSourceStats(new StateStats(recordsSinceLastState(state)));
        queue.put(new QueueItem.Checkpoint(new Chunk.Checkpoint(counted), records.clone(), bytes.clone()));
    }

    /**
     * Airbyte's {@code sourceStats.recordCount}: for a STREAM state, that stream's records since its
     * previous state; for a GLOBAL or LEGACY state, all records since the previous one.
     */
    private long recordsSinceLastState(StateMessage state) {
        if (state.type() == StateType.STREAM) {
            Integer i = indexOf.get(state.stream().orElseThrow().streamDescriptor());
            if (i == null) {
                return 0;
            }
            long count = records[i] - recordsAtLastState[i];
            recordsAtLastState[i] = records[i];
            return count;
        }
        long count = 0;
        for (int i = 0; i < records.length; i++) {
            count += records[i] - recordsAtLastState[i];
            recordsAtLastState[i] = records[i];
        }
        return count;
    }

    @Override
    public void log(LogMessage.Level level, String message) {
        queue.checkReader();
        notifyLog(level, message);
    }

    @Override
    public void trace(TraceMessage trace) {
        queue.checkReader();
        if (trace.type() == TraceType.ERROR) {
            trace.error().ifPresent(e -> notifyLog(LogMessage.Level.ERROR, e.message()));
        } else {
            LOG.debug("source trace {}", trace.type());
        }
    }

    /** The source returned: hands over what is left and the end marker. */
    void finish() {
        flushAll();
        queue.put(new QueueItem.End());
    }

    /** Publishes the running totals, including rows still in unsent batches (the source failed or stopped). */
    void publishCounts() {
        for (int i = 0; i < pending.length; i++) {
            counters.emitted(i, records[i], bytes[i]);
        }
    }

    private void flushAll() {
        for (int i = 0; i < pending.length; i++) {
            flush(i);
        }
    }

    private void flush(int stream) {
        List<Object[]> batch = pending[stream];
        if (batch != null && !batch.isEmpty()) {
            long heap = pendingBytes[stream];
            pending[stream] = null;
            pendingBytes[stream] = 0;
            totalPendingBytes -= heap;
            counters.emitted(stream, records[stream], bytes[stream]);
            queue.put(new QueueItem.Rows(new Chunk.RowBatch(stream, batch), heap));
        }
    }

    private void notifyLog(LogMessage.Level level, String message) {
        try {
            listener.onLog(level, "source", message);
        } catch (RuntimeException e) {
            LOG.warn("sync listener failed on a log line", e);
        }
    }
}
