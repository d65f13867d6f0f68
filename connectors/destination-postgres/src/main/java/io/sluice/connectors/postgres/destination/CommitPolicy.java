package io.sluice.connectors.postgres.destination;

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

    boolean commitNow(long rowsSinceCommit, long nanosSinceCommit) {
        return rowsSinceCommit >= rows || nanosSinceCommit >= interval.toNanos();
    }
}
