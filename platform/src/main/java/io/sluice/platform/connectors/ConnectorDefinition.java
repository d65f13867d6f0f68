package io.sluice.platform.connectors;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A source or destination definition: what Airbyte's API calls {@code SourceDefinitionRead} /
 * {@code DestinationDefinitionRead}, plus how Sluice launches it.
 *
 * @param builtIn the registry name of an in-process connector; empty for a custom one
 * @param command for a custom Airbyte-protocol executable: the program and its arguments
 * @param workspaceId for a custom definition: the workspace it was created in
 */
public record ConnectorDefinition(
        UUID id,
        ActorType type,
        String name,
        String dockerRepository,
        String dockerImageTag,
        Optional<String> documentationUrl,
        Optional<String> builtIn,
        List<String> command,
        Optional<UUID> workspaceId) {

    public ConnectorDefinition {
        requireNonNull(id, "id");
        requireNonNull(type, "type");
        requireNonNull(name, "name");
        requireNonNull(dockerRepository, "dockerRepository");
        requireNonNull(dockerImageTag, "dockerImageTag");
        requireNonNull(documentationUrl, "documentationUrl");
        requireNonNull(builtIn, "builtIn");
        command = List.copyOf(command);
        requireNonNull(workspaceId, "workspaceId");
    }

    /** The stable id of a built-in connector: a name-based UUID of {@code sluice:<type>:<name>}. */
    public static UUID builtInId(ActorType type, String name) {
        return UUID.nameUUIDFromBytes(("sluice:" + type.wire() + ":" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public boolean custom() {
        return builtIn.isEmpty();
    }
}
