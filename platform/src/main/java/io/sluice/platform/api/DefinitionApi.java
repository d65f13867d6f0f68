package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.connectors.ConnectorDefinition;
import io.sluice.platform.connectors.ConnectorDefinitions;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/source_definitions/*}, {@code /api/v1/destination_definitions/*} and their
 * {@code ..._definition_specifications/get}; one instance per side, field names follow the side
 * ({@code sourceDefinitionId} or {@code destinationDefinitionId}).
 */
public final class DefinitionApi {
    private final ActorType type;
    private final ConnectorDefinitions definitions;
    private final WorkspaceApi workspaces;

    public DefinitionApi(ActorType type, ConnectorDefinitions definitions, WorkspaceApi workspaces) {
        this.type = type;
        this.definitions = definitions;
        this.workspaces = workspaces;
    }

    private String idField() {
        return type.wire() + "DefinitionId";
    }

    public Object list(Body body) {
        return readList(definitions.list(type));
    }

    public Object listForWorkspace(Body body) {
        UUID workspaceId = body.id("workspaceId");
        workspaces.find(workspaceId);
        return readList(definitions.list(type).stream()
                .filter(d -> d.workspaceId().isEmpty() || d.workspaceId().get().equals(workspaceId))
                .toList());
    }

    public Object get(Body body) {
        return read(find(body.id(idField())));
    }

    /**
     * {@code create_custom}: {@code {workspaceId, sourceDefinition: {name, dockerRepository,
     * dockerImageTag, documentationUrl, command}}}. {@code command} (Sluice's addition) is the
     * Airbyte-protocol executable and its arguments; without it the image runs through docker.
     */
    public Object createCustom(Body body) {
        UUID workspaceId = body.id("workspaceId");
        workspaces.find(workspaceId);
        String field = type.wire() + "Definition";
        Body definition = Body.of(body.object(field));
        body.done();
        String name = definition.text("name");
        Optional<String> repository = definition.optionalText("dockerRepository").filter(s -> !s.isBlank());
        String tag = definition.optionalText("dockerImageTag").filter(s -> !s.isBlank()).orElse("latest");
        Optional<String> docs = definition.optionalText("documentationUrl");
        List<String> command = commandOf(definition);
        if (repository.isEmpty() && command.isEmpty()) {
            definition.error("dockerRepository", "is required unless command names an executable");
        }
        try {
            definition.done();
        } catch (ApiException.InvalidInput e) {
            throw new ApiException.InvalidInput(e.errors().stream()
                    .map(err -> new io.sluice.cdk.ConfigError(field + "." + err.field(), err.problem())).toList());
        }
        return read(definitions.createCustom(type, workspaceId, name,
                repository.orElse("sluice/" + name), tag, docs, command));
    }

    private static List<String> commandOf(Body definition) {
        JsonNode node = definition.json().get("command");
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> command = new ArrayList<>();
        if (node.isTextual() && !node.asText().isBlank()) {
            command.addAll(List.of(node.asText().strip().split("\\s+")));
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode part : node) {
                if (!part.isTextual()) {
                    definition.error("command", "must be a list of strings");
                    return List.of();
                }
                command.add(part.asText());
            }
        } else {
            definition.error("command", "must be a non-empty list of strings: the program and its arguments");
        }
        return command;
    }

    /** {@code ..._definition_specifications/get}: the config schema and capabilities. */
    public Object specification(Body body) {
        ConnectorDefinition definition = find(body.id(idField()));
        ConnectorSpecification spec = definitions.spec(definition);
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put(idField(), definition.id().toString());
        spec.documentationUrl().or(definition::documentationUrl).ifPresent(u -> read.put("documentationUrl", u));
        read.set("connectionSpecification", spec.connectionSpecification());
        if (type == ActorType.DESTINATION) {
            ArrayNode modes = read.putArray("supportedDestinationSyncModes");
            List<DestinationSyncMode> supported = spec.supportedDestinationSyncModes().isEmpty()
                    ? List.of(DestinationSyncMode.values())
                    : spec.supportedDestinationSyncModes();
            supported.forEach(m -> modes.add(m.wire()));
            read.put("supportsNormalization", spec.supportsNormalization().orElse(false));
            read.put("supportsDbt", spec.supportsDbt().orElse(false));
        }
        read.set("jobInfo", SyncJobInfo.succeeded("get_spec", definition.id().toString()));
        return read;
    }

    ConnectorDefinition find(UUID id) {
        return definitions.find(type, id).orElseThrow(() -> new ApiException.NotFound(type.wire() + " definition", id));
    }

    private ObjectNode readList(List<ConnectorDefinition> list) {
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        ArrayNode array = result.putArray(type.wire() + "Definitions");
        list.forEach(d -> array.add(read(d)));
        return result;
    }

    ObjectNode read(ConnectorDefinition d) {
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put(idField(), d.id().toString());
        read.put("name", d.name());
        read.put("dockerRepository", d.dockerRepository());
        read.put("dockerImageTag", d.dockerImageTag());
        d.documentationUrl().ifPresent(u -> read.put("documentationUrl", u));
        read.put("protocolVersion", "0.2.0");
        read.put("releaseStage", d.custom() ? "custom" : "generally_available");
        read.put("supportLevel", d.custom() ? "none" : "certified");
        read.put("custom", d.custom());
        if (type == ActorType.SOURCE) {
            read.put("sourceType", d.name().contains("faker") ? "custom" : "database");
        }
        if (!d.command().isEmpty()) {
            ArrayNode command = read.putArray("command");
            d.command().forEach(command::add);
        }
        return read;
    }
}
