package io.sluice.engine;

/**
 * One stream's counters in a sync. Emitted = handed over by the source; committed = covered by a
 * state the destination acknowledged (or written by a destination that finished cleanly). Bytes are
 * an estimate of the rows' serialised size.
 */
public record StreamStats(long recordsEmitted, long bytesEmitted, long recordsCommitted, long bytesCommitted) {
    public static final StreamStats ZERO = new StreamStats(0, 0, 0, 0);
}
