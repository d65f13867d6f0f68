package io.sluice.platform.store;

import java.time.Instant;

/**
 * A row of {@code attempt}.
 *
 * @param status running, failed or succeeded
 * @param stats the attempt's counters as JSON ({@code totalStats}, {@code streamStats}); null before any
 * @param failureSummary Airbyte's failure summary as JSON; null unless the attempt failed
 */
public record AttemptRow(
        long id,
        long jobId,
        int attemptNumber,
        String status,
        String logPath,
        String stats,
        String failureSummary,
        Instant createdAt,
        Instant updatedAt,
        Instant endedAt) {}
