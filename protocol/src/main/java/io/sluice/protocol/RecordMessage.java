package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * A RECORD: one row of a stream as JSON. Inside Sluice rows travel as {@code Object[]}; this type
 * exists at the boundary with external connectors and on the command line.
 */
public record RecordMessage(
        @JsonProperty("namespace") Optional<String> namespace,
        @JsonProperty("stream") String stream,
        @JsonProperty("data") ObjectNode data,
        @JsonProperty("emitted_at") long emittedAt,
        @JsonProperty("meta") Optional<JsonNode> meta,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields)
        implements Message {

    public RecordMessage {
        namespace = namespace == null ? Optional.empty() : namespace;
        requireNonNull(stream, "stream");
        requireNonNull(data, "data");
        meta = Unknown.present(meta);
        unknownFields = Unknown.copy(unknownFields);
    }

    public RecordMessage(String namespace, String stream, ObjectNode data, long emittedAt) {
        this(Optional.ofNullable(namespace), stream, data, emittedAt, Optional.empty(), Map.of());
    }

    public StreamDescriptor descriptor() {
        return new StreamDescriptor(stream, namespace);
    }
}
