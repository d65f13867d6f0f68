package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A STATE checkpoint. {@link StateType#STREAM} carries one stream's state, {@link StateType#GLOBAL}
 * one shared position (CDC) plus per-stream states, {@link StateType#LEGACY} an opaque blob.
 * A source emits it after the records it covers; a destination echoes it once those records are
 * durable.
 */
public record StateMessage(
        @JsonProperty("type") StateType type,
        @JsonProperty("stream") Optional<StreamState> stream,
        @JsonProperty("global") Optional<GlobalState> global,
        @JsonProperty("data") Optional<JsonNode> data,
        @JsonProperty("sourceStats") Optional<StateStats> sourceStats,
        @JsonProperty("destinationStats") Optional<StateStats> destinationStats,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields)
        implements Message {

    public StateMessage {
        type = type == null ? StateType.LEGACY : type;
        stream = stream == null ? Optional.empty() : stream;
        global = global == null ? Optional.empty() : global;
        data = Unknown.present(data);
        sourceStats = sourceStats == null ? Optional.empty() : sourceStats;
        destinationStats = destinationStats == null ? Optional.empty() : destinationStats;
        unknownFields = Unknown.copy(unknownFields);
        switch (type) {
            case STREAM -> requireNonNull(stream.orElse(null), "a STREAM state needs 'stream'");
            case GLOBAL -> requireNonNull(global.orElse(null), "a GLOBAL state needs 'global'");
            case LEGACY -> requireNonNull(data.orElse(null), "a LEGACY state needs 'data'");
        }
    }

    public static StateMessage ofStream(StreamDescriptor descriptor, JsonNode streamState) {
        return new StateMessage(
                StateType.STREAM,
                Optional.of(new StreamState(descriptor, Optional.ofNullable(streamState))),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    public static StateMessage ofGlobal(GlobalState global) {
        return new StateMessage(
                StateType.GLOBAL,
                Optional.empty(),
                Optional.of(global),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    public static StateMessage ofLegacy(JsonNode data) {
        return new StateMessage(
                StateType.LEGACY,
                Optional.empty(),
                Optional.empty(),
                Optional.of(data),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    /** The same state with the record count the source emitted since the previous state. */
    public StateMessage withSourceStats(StateStats stats) {
        return new StateMessage(
                type, stream, global, data, Optional.of(stats), destinationStats, unknownFields);
    }

    /** The same state with the record count the destination committed since the previous state. */
    public StateMessage withDestinationStats(StateStats stats) {
        return new StateMessage(
                type, stream, global, data, sourceStats, Optional.of(stats), unknownFields);
    }

    public enum StateType {
        GLOBAL,
        STREAM,
        LEGACY
    }

    /** One stream's position. */
    public record StreamState(
            @JsonProperty("stream_descriptor") StreamDescriptor streamDescriptor,
            @JsonProperty("stream_state") Optional<JsonNode> streamState,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
        public StreamState {
            requireNonNull(streamDescriptor, "stream_descriptor");
            streamState = Unknown.present(streamState);
            unknownFields = Unknown.copy(unknownFields);
        }

        public StreamState(StreamDescriptor streamDescriptor, Optional<JsonNode> streamState) {
            this(streamDescriptor, streamState, Map.of());
        }
    }

    /** A position shared by several streams (a CDC log position) and each stream's own state. */
    public record GlobalState(
            @JsonProperty("shared_state") Optional<JsonNode> sharedState,
            @JsonProperty("stream_states") java.util.List<StreamState> streamStates,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
        public GlobalState {
            sharedState = Unknown.present(sharedState);
            streamStates = streamStates == null ? java.util.List.of() : java.util.List.copyOf(streamStates);
            unknownFields = Unknown.copy(unknownFields);
        }

        public GlobalState(Optional<JsonNode> sharedState, java.util.List<StreamState> streamStates) {
            this(sharedState, streamStates, Map.of());
        }
    }

    /** How many records a state covers. */
    public record StateStats(
            @JsonProperty("recordCount") double recordCount,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
        public StateStats {
            unknownFields = Unknown.copy(unknownFields);
        }

        public StateStats(double recordCount) {
            this(recordCount, Map.of());
        }
    }
}
