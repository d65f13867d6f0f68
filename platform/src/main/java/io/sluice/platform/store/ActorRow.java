package io.sluice.platform.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code actor}: a source or a destination.
 *
 * @param actorType {@code source} or {@code destination}
 * @param configuration the config as JSON text, secret values encrypted
 */
public record ActorRow(
        UUID id,
        UUID workspaceId,
        String actorType,
        UUID definitionId,
        String name,
        String configuration,
        boolean tombstone,
        Instant createdAt,
        Instant updatedAt) {

    public ActorRow withChanges(String newName, String newConfiguration, Instant now) {
        return new ActorRow(id, workspaceId, actorType, definitionId, newName, newConfiguration, tombstone,
                createdAt, now);
    }
}
