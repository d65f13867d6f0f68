package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the {@link ConnectionEditor} of a page from the Config API: the source's streams
 * ({@code sources/discover_schema}, or the connection's stored catalog), the destination's write
 * modes and normalization setting ({@code destinations/get},
 * {@code destination_definition_specifications/get}), and what the user posted, if anything.
 */
final class ConnectionEditors {
    private final Routes api;

    ConnectionEditors(Routes api) {
        this.api = api;
    }

    /** What a form post carried. */
    record Posted(ConnectionForm form, List<StreamChoice> choices) {}

    /** The editor of a new connection; empty when the source or the destination does not exist. */
    Optional<ConnectionEditor> forNew(String sourceId, String destinationId, Optional<Posted> posted,
            ConnectionFormErrors errors, Optional<String> notice) {
        Optional<JsonNode> source = find("sources/get", "sourceId", sourceId);
        Optional<JsonNode> destination = find("destinations/get", "destinationId", destinationId);
        if (source.isEmpty() || destination.isEmpty()) {
            return Optional.empty();
        }
        Discovery discovery = discover(sourceId);
        ConnectionForm form = posted.map(Posted::form).orElseGet(() -> ConnectionForm.initial(
                source.get().path("name").asText(), destination.get().path("name").asText()));
        return Optional.of(editor(Optional.empty(), "/connections/new", source.get(), destination.get(), form,
                discovery.catalog, posted.map(Posted::choices), false, errors, discovery.problem, notice));
    }

    /**
     * The settings editor of a connection; empty when it does not exist.
     *
     * @param rediscover list the streams the source offers now instead of the stored ones
     */
    Optional<ConnectionEditor> forSettings(String connectionId, Optional<Posted> posted, boolean rediscover,
            ConnectionFormErrors errors, Optional<String> notice) {
        Optional<JsonNode> connection = find("connections/get", "connectionId", connectionId);
        if (connection.isEmpty() || connection.get().path("status").asText().equals("deprecated")) {
            return Optional.empty();
        }
        JsonNode c = connection.get();
        JsonNode source = api.call("sources/get", id("sourceId", c.path("sourceId").asText()));
        JsonNode destination = api.call("destinations/get", id("destinationId", c.path("destinationId").asText()));
        JsonNode catalog = c.path("syncCatalog");
        Set<String> stored = keys(catalog);
        boolean unknownPosted = posted.stream().flatMap(p -> p.choices().stream())
                .anyMatch(choice -> !stored.contains(choice.key()));
        Optional<String> problem = Optional.empty();
        if (rediscover || unknownPosted) {
            Discovery discovery = discover(c.path("sourceId").asText());
            catalog = discovery.catalog;
            problem = discovery.problem;
        }
        ConnectionForm form = posted.map(Posted::form).orElseGet(() -> ConnectionForm.of(c));
        return Optional.of(editor(Optional.of(connectionId), "/connections/" + connectionId + "/settings", source,
                destination, form, catalog, posted.map(Posted::choices), rediscover, errors, problem, notice));
    }

    private ConnectionEditor editor(Optional<String> connectionId, String action, JsonNode source, JsonNode destination,
            ConnectionForm form, JsonNode catalog, Optional<List<StreamChoice>> posted, boolean markFresh,
            ConnectionFormErrors errors, Optional<String> problem, Optional<String> notice) {
        JsonNode spec = api.call("destination_definition_specifications/get", ApiJson.MAPPER.createObjectNode()
                .put("destinationDefinitionId", destination.path("destinationDefinitionId").asText())
                .put("workspaceId", destination.path("workspaceId").asText()));
        List<String> modes = new ArrayList<>();
        spec.path("supportedDestinationSyncModes").forEach(m -> modes.add(m.asText()));
        Map<String, StreamChoice> chosen = posted.orElse(List.of()).stream()
                .collect(Collectors.toMap(StreamChoice::key, c -> c, (a, b) -> a, LinkedHashMap::new));
        List<StreamRow> rows = new ArrayList<>();
        for (JsonNode entry : catalog.path("streams")) {
            StreamChoice own = StreamChoices.of(entry);
            Optional<StreamChoice> choice = posted.isEmpty() ? Optional.empty()
                    : Optional.of(chosen.getOrDefault(own.key(), own.withSelected(false)));
            boolean fresh = markFresh && posted.isPresent() && !chosen.containsKey(own.key());
            rows.add(StreamRow.of(rows.size(), entry, choice, modes, errors.streams(), fresh));
        }
        var normalization = new ConnectionEditor.Normalization(
                spec.path("connectionSpecification").path("properties").has("normalization"),
                !destination.path("connectionConfiguration").path("normalization").asText("basic").equals("none"));
        return new ConnectionEditor(connectionId, action, source.path("sourceId").asText(),
                source.path("name").asText(), destination.path("destinationId").asText(),
                destination.path("name").asText(), form, rows, errors, normalization, problem, notice);
    }

    private record Discovery(JsonNode catalog, Optional<String> problem) {}

    private Discovery discover(String sourceId) {
        JsonNode result = api.call("sources/discover_schema", id("sourceId", sourceId));
        if (result.has("catalog")) {
            return new Discovery(result.get("catalog"), Optional.empty());
        }
        return new Discovery(ApiJson.MAPPER.createObjectNode(), Optional.of(
                result.path("jobInfo").path("failureReason").path("externalMessage").asText("discovery failed")));
    }

    private Optional<JsonNode> find(String call, String field, String id) {
        try {
            return Optional.of(api.call(call, id(field, id)));
        } catch (ApiException.NotFound | ApiException.InvalidInput e) {
            return Optional.empty();
        }
    }

    private static Set<String> keys(JsonNode catalog) {
        return java.util.stream.StreamSupport.stream(catalog.path("streams").spliterator(), false)
                .map(entry -> StreamChoices.of(entry).key()).collect(Collectors.toSet());
    }

    private static ObjectNode id(String field, String value) {
        return ApiJson.MAPPER.createObjectNode().put(field, value);
    }

    /** The workspace the UI works in: the first one (Sluice's UI has one workspace). */
    static String workspaceId(Routes api) {
        return api.call("workspaces/list", ApiJson.MAPPER.createObjectNode()).path("workspaces").path(0)
                .path("workspaceId").asText();
    }
}
