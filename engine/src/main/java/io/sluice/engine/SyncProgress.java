package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.StreamDescriptor;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A sync's counters so far, per stream (by its source descriptor, in catalog order). */
public record SyncProgress(Map<StreamDescriptor, StreamStats> streams, Duration elapsed) {
    public SyncProgress {
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
        requireNonNull(elapsed, "elapsed");
    }

    public long recordsEmitted() {
        return streams.values().stream().mapToLong(StreamStats::recordsEmitted).sum();
    }

    public long recordsCommitted() {
        return streams.values().stream().mapToLong(StreamStats::recordsCommitted).sum();
    }

    public long bytesEmitted() {
        return streams.values().stream().mapToLong(StreamStats::bytesEmitted).sum();
    }

    public long bytesCommitted() {
        return streams.values().stream().mapToLong(StreamStats::bytesCommitted).sum();
    }
}
