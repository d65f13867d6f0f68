package io.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.cdk.ConfigError;
import io.sluice.engine.NamespaceDefinition;
import io.sluice.engine.NamespaceMapping;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a pipeline YAML file. Every problem is reported with the path of the field at fault
 * ({@code streams[1].sync_mode: must be one of: full_refresh, incremental}); nothing runs until the
 * file is clean.
 */
public final class PipelineLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_LEVEL =
            Set.of("name", "source", "destination", "streams", "namespace", "prefix", "state_file",
                    "continuous");
    private static final Set<String> CONNECTOR_KEYS = Set.of("connector", "command", "config");
    private static final Set<String> STREAM_KEYS =
            Set.of("name", "namespace", "sync_mode", "destination_sync_mode", "cursor_field", "primary_key");
    private static final Set<String> NAMESPACE_KEYS = Set.of("definition", "format");

    private final List<ConfigError> errors = new ArrayList<>();

    public static Pipeline load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PipelineException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new PipelineException(file.toString(), "cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new PipelineException(file.toString(), "not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        return new PipelineLoader().parse(root, file);
    }

    private Pipeline parse(JsonNode root, Path file) {
        if (root == null || !root.isObject()) {
            throw new PipelineException(file.toString(), "must be a YAML mapping with source, destination and streams");
        }
        unknownKeys(root, TOP_LEVEL, "");
        String fileName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = text(root, "name", "name").orElse(fileName);
        Pipeline.ConnectorRef source = connector(root.get("source"), "source");
        Pipeline.ConnectorRef destination = connector(root.get("destination"), "destination");
        List<Pipeline.StreamSelection> streams = streams(root.get("streams"));
        NamespaceMapping namespace = namespace(root.get("namespace"), text(root, "prefix", "prefix").orElse(""));
        Path dir = file.toAbsolutePath().getParent();
        Path stateFile = text(root, "state_file", "state_file")
                .map(dir::resolve)
                .orElse(dir.resolve(fileName + ".state.json"));
        boolean continuous = flag(root, "continuous");
        if (!errors.isEmpty()) {
            throw new PipelineException(errors);
        }
        return new Pipeline(name, source, destination, streams, namespace, stateFile, continuous);
    }

    private Pipeline.ConnectorRef connector(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            errors.add(new ConfigError(field, "is required: a mapping with 'connector' (or 'command') and 'config'"));
            return null;
        }
        unknownKeys(node, CONNECTOR_KEYS, field + ".");
        Optional<String> connector = text(node, "connector", field + ".connector");
        List<String> command = List.of();
        JsonNode commandNode = node.get("command");
        if (commandNode != null) {
            command = stringList(commandNode, field + ".command");
        }
        if (connector.isEmpty() && command.isEmpty()) {
            errors.add(new ConfigError(field + ".connector", "is required (a built-in connector name such as "
                    + (field.equals("source") ? "source-faker" : "destination-duckdb")
                    + "), unless 'command' names an external connector"));
        } else if (connector.isPresent() && !command.isEmpty()) {
            errors.add(new ConfigError(field, "give either 'connector' or 'command', not both"));
        }
        JsonNode config = node.get("config");
        ObjectNode configObject = JsonNodeFactory.instance.objectNode();
        if (config != null && !config.isNull()) {
            if (config.isObject()) {
                configObject = (ObjectNode) config;
            } else {
                errors.add(new ConfigError(field + ".config", "must be a mapping of the connector's settings"));
            }
        }
        return new Pipeline.ConnectorRef(connector, command, configObject);
    }

    private List<Pipeline.StreamSelection> streams(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new ConfigError("streams", "must be a list of streams (each with at least 'name')"));
            return List.of();
        }
        List<Pipeline.StreamSelection> streams = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "streams[" + i + "]";
            JsonNode s = node.get(i);
            if (s.isTextual()) {
                streams.add(new Pipeline.StreamSelection(s.asText(), Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), List.of()));
                continue;
            }
            if (!s.isObject()) {
                errors.add(new ConfigError(path, "must be a stream name or a mapping with 'name'"));
                continue;
            }
            unknownKeys(s, STREAM_KEYS, path + ".");
            Optional<String> name = text(s, "name", path + ".name");
            if (name.isEmpty()) {
                errors.add(new ConfigError(path + ".name", "is required"));
                continue;
            }
            Optional<SyncMode> syncMode = text(s, "sync_mode", path + ".sync_mode")
                    .flatMap(v -> wireEnum(SyncMode.values(), v, SyncMode::wire, path + ".sync_mode"));
            Optional<DestinationSyncMode> destinationMode = text(s, "destination_sync_mode",
                    path + ".destination_sync_mode")
                    .flatMap(v -> wireEnum(DestinationSyncMode.values(), v, DestinationSyncMode::wire,
                            path + ".destination_sync_mode"));
            List<String> cursor = s.has("cursor_field") ? path(s.get("cursor_field"), path + ".cursor_field") : List.of();
            List<List<String>> primaryKey = s.has("primary_key") ? primaryKey(s.get("primary_key"), path + ".primary_key") : List.of();
            streams.add(new Pipeline.StreamSelection(name.get(), text(s, "namespace", path + ".namespace"),
                    syncMode, destinationMode, cursor, primaryKey));
        }
        return streams;
    }

    /** {@code updated_at} or {@code [updated_at]} or {@code [address, city]}. */
    private List<String> path(JsonNode node, String field) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return stringList(node, field);
    }

    /** {@code id}, {@code [id]}, {@code [[id]]} or {@code [[a], [b]]}. */
    private List<List<String>> primaryKey(JsonNode node, String field) {
        if (node.isTextual()) {
            return List.of(List.of(node.asText()));
        }
        if (!node.isArray()) {
            errors.add(new ConfigError(field, "must be a column name or a list of columns"));
            return List.of();
        }
        List<List<String>> key = new ArrayList<>();
        for (JsonNode part : node) {
            key.add(path(part, field));
        }
        return key;
    }

    private NamespaceMapping namespace(JsonNode node, String prefix) {
        if (node == null || node.isNull()) {
            return new NamespaceMapping(NamespaceDefinition.SOURCE, "", prefix);
        }
        if (node.isTextual()) {
            node = JsonNodeFactory.instance.objectNode().put("definition", node.asText());
        }
        unknownKeys(node, NAMESPACE_KEYS, "namespace.");
        String definitionText = text(node, "definition", "namespace.definition").orElse("source");
        NamespaceDefinition definition = wireEnum(NamespaceDefinition.values(), definitionText,
                NamespaceDefinition::wire, "namespace.definition").orElse(NamespaceDefinition.SOURCE);
        String format = text(node, "format", "namespace.format").orElse("");
        if (definition == NamespaceDefinition.CUSTOM_FORMAT && format.isBlank()) {
            errors.add(new ConfigError("namespace.format",
                    "is required with definition customformat, e.g. production_${SOURCE_NAMESPACE}"));
        }
        return new NamespaceMapping(definition, format, prefix);
    }

    private <E> Optional<E> wireEnum(E[] values, String text, java.util.function.Function<E, String> wire, String field) {
        for (E value : values) {
            if (wire.apply(value).equalsIgnoreCase(text)) {
                return Optional.of(value);
            }
        }
        errors.add(new ConfigError(field, "must be one of: "
                + String.join(", ", Arrays.stream(values).map(wire).toList()) + " (got '" + text + "')"));
        return Optional.empty();
    }

    /** A true/false setting; false when absent. */
    private boolean flag(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(new ConfigError(key, "must be true or false"));
            return false;
        }
        return value.booleanValue();
    }

    private Optional<String> text(JsonNode node, String key, String field) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBinary()) {
            errors.add(new ConfigError(field, "must be a text value"));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private List<String> stringList(JsonNode node, String field) {
        if (!node.isArray()) {
            errors.add(new ConfigError(field, "must be a list"));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isValueNode()) {
                errors.add(new ConfigError(field, "must be a list of text values"));
                return List.of();
            }
            values.add(v.asText());
        }
        return values;
    }

    private void unknownKeys(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                errors.add(new ConfigError(prefix + key, "unknown setting; expected one of: "
                        + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }
}
