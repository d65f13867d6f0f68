package io.sluice.platform.store;

import java.time.Instant;

/**
 * A row of {@code job}.
 *
 * @param configType {@code sync} or {@code reset_connection}
 * @param scope the connection id the job is for
 * @param status pending, running, incomplete, failed, succeeded or cancelled
 * @param startedAt null until the first attempt starts
 */
public record JobRow(
        long id, String configType, String scope, String status, Instant createdAt, Instant startedAt,
        Instant updatedAt) {}
