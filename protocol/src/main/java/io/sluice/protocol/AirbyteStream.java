package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stream a source offers: its name, namespace, the JSON schema of its records, and how it can be
 * read. The order of {@code json_schema.properties} is the column order of its rows.
 */
public record AirbyteStream(
        @JsonProperty("name") String name,
        @JsonProperty("json_schema") ObjectNode jsonSchema,
        @JsonProperty("supported_sync_modes") List<SyncMode> supportedSyncModes,
        @JsonProperty("source_defined_cursor") Optional<Boolean> sourceDefinedCursor,
        @JsonProperty("default_cursor_field") List<String> defaultCursorField,
        @JsonProperty("source_defined_primary_key") List<List<String>> sourceDefinedPrimaryKey,
        @JsonProperty("namespace") Optional<String> namespace,
        @JsonProperty("is_resumable") Optional<Boolean> isResumable,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public AirbyteStream {
        requireNonNull(name, "name");
        requireNonNull(jsonSchema, "json_schema");
        supportedSyncModes = supportedSyncModes == null ? List.of() : List.copyOf(supportedSyncModes);
        sourceDefinedCursor = sourceDefinedCursor == null ? Optional.empty() : sourceDefinedCursor;
        defaultCursorField = defaultCursorField == null ? List.of() : List.copyOf(defaultCursorField);
        sourceDefinedPrimaryKey = sourceDefinedPrimaryKey == null
                ? List.of()
                : sourceDefinedPrimaryKey.stream().map(List::copyOf).toList();
        namespace = namespace == null ? Optional.empty() : namespace;
        isResumable = isResumable == null ? Optional.empty() : isResumable;
        unknownFields = Unknown.copy(unknownFields);
    }

    /**
     * A stream with the usual settings: full refresh always, incremental when {@code cursorField}
     * is not empty (source-defined), and the given primary key (each element a path).
     */
    public static AirbyteStream of(String namespace, String name, ObjectNode jsonSchema,
            List<String> cursorField, List<List<String>> primaryKey) {
        List<SyncMode> modes = cursorField.isEmpty()
                ? List.of(SyncMode.FULL_REFRESH)
                : List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
        return new AirbyteStream(name, jsonSchema, modes, Optional.of(!cursorField.isEmpty()), cursorField,
                primaryKey, Optional.ofNullable(namespace), Optional.empty(), Map.of());
    }

    public StreamDescriptor descriptor() {
        return new StreamDescriptor(name, namespace);
    }

    /** The same stream under another namespace and name; the engine uses it for namespace rules. */
    public AirbyteStream renamed(Optional<String> newNamespace, String newName) {
        return new AirbyteStream(newName, jsonSchema, supportedSyncModes, sourceDefinedCursor,
                defaultCursorField, sourceDefinedPrimaryKey, newNamespace, isResumable, unknownFields);
    }
}
