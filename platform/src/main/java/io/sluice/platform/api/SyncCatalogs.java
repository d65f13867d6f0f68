package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Between the API's {@code syncCatalog} ({@code {streams: [{stream, config}]}} in camelCase) and the
 * protocol's catalogs. The discovered stream is the truth for a stream's schema and capabilities;
 * the client chooses only the config (modes, cursor, key, selected). A stream config without
 * modes gets Sluice's defaults: incremental (deduplicated when it has a key) where it can, else a
 * full refresh that overwrites.
 */
public final class SyncCatalogs {
    private final List<DestinationSyncMode> destinationModes;

    /** @param destinationModes what the destination writes; empty means all */
    public SyncCatalogs(List<DestinationSyncMode> destinationModes) {
        this.destinationModes = destinationModes.isEmpty() ? List.of(DestinationSyncMode.values()) : destinationModes;
    }

    /** The discovered catalog in the API's shape, every stream selected with its default config. */
    public ObjectNode discovered(Catalog catalog) {
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        ArrayNode streams = result.putArray("streams");
        for (AirbyteStream stream : catalog.streams()) {
            ObjectNode entry = streams.addObject();
            entry.set("stream", streamRead(stream));
            entry.set("config", config(stream, ApiJson.MAPPER.createObjectNode(), "", new ArrayList<>()));
        }
        return result;
    }

    /**
     * The catalog to store for a connection: the requested streams, matched by name (and namespace
     * when given) against the discovered ones, with their configs checked. Problems are added to
     * {@code errors} with fields under {@code syncCatalog}.
     */
    public ObjectNode resolve(JsonNode requested, Catalog discovered, List<ConfigError> errors) {
        if (requested == null || requested.isNull()) {
            return discovered(discovered);
        }
        JsonNode streams = requested.get("streams");
        if (streams == null || !streams.isArray()) {
            errors.add(new ConfigError("syncCatalog.streams", "is required: a list of {stream, config}"));
            return ApiJson.MAPPER.createObjectNode();
        }
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        ArrayNode out = result.putArray("streams");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < streams.size(); i++) {
            String field = "syncCatalog.streams[" + i + "]";
            JsonNode entry = streams.get(i);
            String name = entry.path("stream").path("name").asText("");
            if (name.isBlank()) {
                errors.add(new ConfigError(field + ".stream.name", "is required"));
                continue;
            }
            Optional<String> namespace = Optional.ofNullable(entry.path("stream").get("namespace"))
                    .filter(JsonNode::isTextual).map(JsonNode::asText);
            Optional<AirbyteStream> stream = discovered.streams().stream()
                    .filter(s -> s.name().equals(name))
                    .filter(s -> namespace.isEmpty() || namespace.equals(s.namespace()))
                    .findFirst();
            if (stream.isEmpty()) {
                errors.add(new ConfigError(field + ".stream.name", "the source has no stream '" + name + "'; it offers: "
                        + String.join(", ", discovered.streams().stream().map(s -> s.descriptor().toString()).toList())));
                continue;
            }
            if (!seen.add(stream.get().descriptor().toString())) {
                errors.add(new ConfigError(field + ".stream.name", "stream '" + name + "' is listed more than once"));
                continue;
            }
            JsonNode config = entry.get("config");
            ObjectNode given = config != null && config.isObject() ? (ObjectNode) config : ApiJson.MAPPER.createObjectNode();
            ObjectNode resolved = ApiJson.MAPPER.createObjectNode();
            resolved.set("stream", streamRead(stream.get()));
            resolved.set("config", config(stream.get(), given, field + ".config", errors));
            out.add(resolved);
        }
        return result;
    }

    private ObjectNode config(AirbyteStream stream, ObjectNode given, String field, List<ConfigError> errors) {
        List<String> cursor = strings(given.get("cursorField"));
        if (cursor.isEmpty()) {
            cursor = stream.defaultCursorField();
        }
        List<List<String>> key = paths(given.get("primaryKey"));
        if (key.isEmpty()) {
            key = stream.sourceDefinedPrimaryKey();
        }
        boolean canIncremental = stream.supportedSyncModes().contains(SyncMode.INCREMENTAL) && !cursor.isEmpty();
        String syncMode = text(given, "syncMode", Enums.SYNC_MODES, field, errors)
                .orElse(canIncremental ? "incremental" : "full_refresh");
        String defaultDestinationMode = syncMode.equals("incremental")
                ? (!key.isEmpty() && supports("append_dedup") ? "append_dedup" : "append")
                : (supports("overwrite") ? "overwrite" : "append");
        String destinationMode = text(given, "destinationSyncMode", Enums.DESTINATION_SYNC_MODES, field, errors)
                .orElse(defaultDestinationMode);
        if (!stream.supportedSyncModes().isEmpty()
                && stream.supportedSyncModes().stream().noneMatch(m -> m.wire().equals(syncMode))) {
            errors.add(new ConfigError(field + ".syncMode", "stream '" + stream.name() + "' does not support " + syncMode));
        }
        if (syncMode.equals("incremental") && cursor.isEmpty()) {
            errors.add(new ConfigError(field + ".cursorField", "is required: stream '" + stream.name()
                    + "' has no source-defined cursor"));
        }
        if (!cursor.isEmpty() && !stream.jsonSchema().path("properties").has(cursor.get(0))) {
            errors.add(new ConfigError(field + ".cursorField", "stream '" + stream.name() + "' has no field '"
                    + cursor.get(0) + "'"));
        }
        if (destinationMode.equals("append_dedup") && key.isEmpty()) {
            errors.add(new ConfigError(field + ".primaryKey", "is required for append_dedup: stream '"
                    + stream.name() + "' has no source-defined primary key"));
        }
        if (!supports(destinationMode)) {
            errors.add(new ConfigError(field + ".destinationSyncMode", "the destination does not support "
                    + destinationMode));
        }
        ObjectNode config = ApiJson.MAPPER.createObjectNode();
        config.put("syncMode", syncMode);
        config.set("cursorField", ApiJson.MAPPER.valueToTree(cursor));
        config.put("destinationSyncMode", destinationMode);
        config.set("primaryKey", ApiJson.MAPPER.valueToTree(key));
        config.put("aliasName", given.path("aliasName").asText(stream.name()));
        config.put("selected", given.path("selected").asBoolean(true));
        config.put("fieldSelectionEnabled", false);
        return config;
    }

    private boolean supports(String destinationMode) {
        return destinationModes.stream().anyMatch(m -> m.wire().equals(destinationMode));
    }

    /** The selected streams of a stored catalog as the protocol's configured catalog. */
    public static ConfiguredCatalog configured(JsonNode stored) {
        List<ConfiguredStream> streams = new ArrayList<>();
        for (JsonNode entry : stored.path("streams")) {
            JsonNode config = entry.path("config");
            if (!config.path("selected").asBoolean(true)) {
                continue;
            }
            JsonNode s = entry.path("stream");
            List<SyncMode> modes = new ArrayList<>();
            s.path("supportedSyncModes").forEach(m -> modes.add(syncMode(m.asText())));
            AirbyteStream stream = new AirbyteStream(s.path("name").asText(), (ObjectNode) s.path("jsonSchema"), modes,
                    Optional.of(s.path("sourceDefinedCursor").asBoolean(false)), strings(s.get("defaultCursorField")),
                    paths(s.get("sourceDefinedPrimaryKey")),
                    Optional.ofNullable(s.get("namespace")).filter(JsonNode::isTextual).map(JsonNode::asText),
                    Optional.empty(), Map.of());
            streams.add(ConfiguredStream.of(stream, syncMode(config.path("syncMode").asText()),
                    strings(config.get("cursorField")), destinationMode(config.path("destinationSyncMode").asText()),
                    paths(config.get("primaryKey"))));
        }
        return new ConfiguredCatalog(streams);
    }

    static ObjectNode streamRead(AirbyteStream stream) {
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put("name", stream.name());
        read.set("jsonSchema", stream.jsonSchema());
        read.set("supportedSyncModes", ApiJson.MAPPER.valueToTree(stream.supportedSyncModes()));
        read.put("sourceDefinedCursor", stream.sourceDefinedCursor().orElse(false));
        read.set("defaultCursorField", ApiJson.MAPPER.valueToTree(stream.defaultCursorField()));
        read.set("sourceDefinedPrimaryKey", ApiJson.MAPPER.valueToTree(stream.sourceDefinedPrimaryKey()));
        stream.namespace().ifPresent(ns -> read.put("namespace", ns));
        return read;
    }

    private static Optional<String> text(ObjectNode given, String key, List<String> allowed, String field,
            List<ConfigError> errors) {
        JsonNode value = given.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual() && allowed.contains(value.asText())) {
            return Optional.of(value.asText());
        }
        errors.add(new ConfigError(field + "." + key, "must be one of: " + String.join(", ", allowed)));
        return Optional.empty();
    }

    private static SyncMode syncMode(String wire) {
        return wire.equals("incremental") ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH;
    }

    private static DestinationSyncMode destinationMode(String wire) {
        for (DestinationSyncMode m : DestinationSyncMode.values()) {
            if (m.wire().equals(wire)) {
                return m;
            }
        }
        return DestinationSyncMode.APPEND;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node != null && node.isTextual() && !node.asText().isEmpty()) {
            values.add(node.asText());
        }
        return values;
    }

    private static List<List<String>> paths(JsonNode node) {
        List<List<String>> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode part : node) {
                List<String> path = strings(part);
                if (!path.isEmpty()) {
                    values.add(path);
                }
            }
        }
        return values;
    }
}
