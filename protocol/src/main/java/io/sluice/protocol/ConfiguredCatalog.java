package io.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The streams chosen for a sync ({@code ConfiguredAirbyteCatalog}). A stream's position in
 * {@link #streams()} is its index in the row data path.
 */
public record ConfiguredCatalog(
        @JsonProperty("streams") List<ConfiguredStream> streams,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public ConfiguredCatalog {
        streams = streams == null ? List.of() : List.copyOf(streams);
        unknownFields = Unknown.copy(unknownFields);
    }

    public ConfiguredCatalog(List<ConfiguredStream> streams) {
        this(streams, Map.of());
    }
}
