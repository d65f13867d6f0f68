package io.sluice.connectors.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.cdc.ContinuousMode;
import java.time.Duration;

/**
 * When a checkpoint is worth a commit: once {@code rows} rows or {@code interval} have gone by since
 * the last one. Fewer, larger commits keep dedup merges cheap; the interval bounds how long a
 * trickling source waits for its states to be acknowledged.
 */
record CommitPolicy(long rows, Duration interval) {
    /** 100,000 rows or 5 seconds. */
    static final CommitPolicy DEFAULT = new CommitPolicy(100_000, Duration.ofSeconds(5));

    /** Commits at every checkpoint. */
    static final CommitPolicy EVERY_CHECKPOINT = new CommitPolicy(0, Duration.ZERO);

    /**
     * This policy, or for a continuous sync ({@link ContinuousMode}) {@link #EVERY_CHECKPOINT}. The
     * source checkpoints about every 500 ms while changes flow and once more when they pause, then
     * only on its heartbeat: a state held back for a later checkpoint could wait that long (or for
     * ever, from a source that has nothing more to say), so each one commits on arrival.
     */
    CommitPolicy forConfig(JsonNode config) {
        return ContinuousMode.requested(config) ? EVERY_CHECKPOINT : this;
    }

    boolean commitNow(long rowsSinceCommit, long nanosSinceCommit) {
        return rowsSinceCommit >= rows || nanosSinceCommit >= interval.toNanos();
    }
}
