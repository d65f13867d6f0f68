package io.sluice.engine;

import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.StreamDescriptor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-stream counters of one sync. The reader thread publishes emitted counts (per batch, not per
 * row), the writer thread committed counts; any thread may take a snapshot.
 */
final class SyncCounters {
    private final List<StreamDescriptor> streams;
    private final AtomicLongArray recordsEmitted;
    private final AtomicLongArray bytesEmitted;
    private final AtomicLongArray recordsCommitted;
    private final AtomicLongArray bytesCommitted;

    SyncCounters(ConfiguredCatalog sourceCatalog) {
        this.streams = sourceCatalog.streams().stream().map(s -> s.descriptor()).toList();
        int n = streams.size();
        recordsEmitted = new AtomicLongArray(n);
        bytesEmitted = new AtomicLongArray(n);
        recordsCommitted = new AtomicLongArray(n);
        bytesCommitted = new AtomicLongArray(n);
    }

    int streamCount() {
        return streams.size();
    }

    /** Publishes the reader's running totals of one stream. */
    void emitted(int stream, long records, long bytes) {
        recordsEmitted.setRelease(stream, records);
        bytesEmitted.setRelease(stream, bytes);
    }

    /** Raises the committed totals to a checkpoint's cumulative counts. */
    void committed(long[] records, long[] bytes) {
        for (int i = 0; i < records.length; i++) {
            recordsCommitted.accumulateAndGet(i, records[i], Math::max);
            bytesCommitted.accumulateAndGet(i, bytes[i], Math::max);
        }
    }

    /** Everything emitted counts as committed (the destination finished cleanly). */
    void commitAll() {
        for (int i = 0; i < streams.size(); i++) {
            recordsCommitted.set(i, recordsEmitted.get(i));
            bytesCommitted.set(i, bytesEmitted.get(i));
        }
    }

    Map<StreamDescriptor, StreamStats> snapshot() {
        Map<StreamDescriptor, StreamStats> stats = new LinkedHashMap<>();
        for (int i = 0; i < streams.size(); i++) {
            StreamStats s = new StreamStats(recordsEmitted.get(i), bytesEmitted.get(i),
                    recordsCommitted.get(i), bytesCommitted.get(i));
            stats.merge(streams.get(i), s, SyncCounters::sum);
        }
        return stats;
    }

    SyncProgress progress(Duration elapsed) {
        return new SyncProgress(snapshot(), elapsed);
    }

    private static StreamStats sum(StreamStats a, StreamStats b) {
        return new StreamStats(a.recordsEmitted() + b.recordsEmitted(), a.bytesEmitted() + b.bytesEmitted(),
                a.recordsCommitted() + b.recordsCommitted(), a.bytesCommitted() + b.bytesCommitted());
    }
}
