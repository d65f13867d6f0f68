package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A stream chosen for a sync, with how to read and write it ({@code ConfiguredAirbyteStream}). */
public record ConfiguredStream(
        @JsonProperty("stream") AirbyteStream stream,
        @JsonProperty("sync_mode") SyncMode syncMode,
        @JsonProperty("cursor_field") List<String> cursorField,
        @JsonProperty("destination_sync_mode") DestinationSyncMode destinationSyncMode,
        @JsonProperty("primary_key") List<List<String>> primaryKey,
        @JsonProperty("generation_id") Optional<Long> generationId,
        @JsonProperty("minimum_generation_id") Optional<Long> minimumGenerationId,
        @JsonProperty("sync_id") Optional<Long> syncId,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public ConfiguredStream {
        requireNonNull(stream, "stream");
        requireNonNull(syncMode, "sync_mode");
        requireNonNull(destinationSyncMode, "destination_sync_mode");
        cursorField = cursorField == null ? List.of() : List.copyOf(cursorField);
        primaryKey = primaryKey == null ? List.of() : primaryKey.stream().map(List::copyOf).toList();
        generationId = generationId == null ? Optional.empty() : generationId;
        minimumGenerationId = minimumGenerationId == null ? Optional.empty() : minimumGenerationId;
        syncId = syncId == null ? Optional.empty() : syncId;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ConfiguredStream of(AirbyteStream stream, SyncMode syncMode, List<String> cursorField,
            DestinationSyncMode destinationSyncMode, List<List<String>> primaryKey) {
        return new ConfiguredStream(stream, syncMode, cursorField, destinationSyncMode, primaryKey,
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    public StreamDescriptor descriptor() {
        return stream.descriptor();
    }

    /** The cursor the user chose, or else the source-defined default. */
    public List<String> effectiveCursorField() {
        return cursorField.isEmpty() ? stream.defaultCursorField() : cursorField;
    }

    /** The primary key the user chose, or else the source-defined one. */
    public List<List<String>> effectivePrimaryKey() {
        return primaryKey.isEmpty() ? stream.sourceDefinedPrimaryKey() : primaryKey;
    }

    public ConfiguredStream withStream(AirbyteStream newStream) {
        return new ConfiguredStream(newStream, syncMode, cursorField, destinationSyncMode, primaryKey,
                generationId, minimumGenerationId, syncId, unknownFields);
    }
}
