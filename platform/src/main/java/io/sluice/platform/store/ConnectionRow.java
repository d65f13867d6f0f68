package io.sluice.platform.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code connection}. JSON documents ({@code syncCatalog}, {@code scheduleData},
 * {@code resourceRequirements}, {@code operationIds}) are text in Airbyte's API shapes.
 */
public record ConnectionRow(
        UUID id,
        String name,
        UUID sourceId,
        UUID destinationId,
        String namespaceDefinition,
        String namespaceFormat,
        String prefix,
        String syncCatalog,
        String scheduleType,
        String scheduleData,
        String status,
        String resourceRequirements,
        String nonBreakingChangesPreference,
        boolean notifySchemaChanges,
        String geography,
        String operationIds,
        Instant createdAt,
        Instant updatedAt) {}
