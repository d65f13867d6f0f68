package io.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What a source offers ({@code AirbyteCatalog}). */
public record Catalog(
        @JsonProperty("streams") List<AirbyteStream> streams,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public Catalog {
        streams = streams == null ? List.of() : List.copyOf(streams);
        unknownFields = Unknown.copy(unknownFields);
    }

    public Catalog(List<AirbyteStream> streams) {
        this(streams, Map.of());
    }
}
