package io.sluice.platform.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code operation}: a step after a sync (Airbyte's normalization, dbt or webhook operator).
 *
 * @param configuration the {@code operatorConfiguration} as JSON text
 */
public record OperationRow(
        UUID id,
        UUID workspaceId,
        String name,
        String operatorType,
        String configuration,
        boolean tombstone,
        Instant createdAt,
        Instant updatedAt) {}
