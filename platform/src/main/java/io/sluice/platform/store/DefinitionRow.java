package io.sluice.platform.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A custom connector definition.
 *
 * @param actorType {@code source} or {@code destination}
 * @param command the executable and its arguments as a JSON array; null for a docker image
 */
public record DefinitionRow(
        UUID id,
        String actorType,
        UUID workspaceId,
        String name,
        String dockerRepository,
        String dockerImageTag,
        String documentationUrl,
        String command,
        Instant createdAt) {}
