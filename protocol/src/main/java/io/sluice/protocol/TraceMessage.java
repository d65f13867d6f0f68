package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A TRACE: an error, a size estimate, a stream status change, or an analytics event. */
public record TraceMessage(
        @JsonProperty("type") TraceType type,
        @JsonProperty("emitted_at") double emittedAt,
        @JsonProperty("error") Optional<ErrorTrace> error,
        @JsonProperty("estimate") Optional<EstimateTrace> estimate,
        @JsonProperty("stream_status") Optional<StreamStatusTrace> streamStatus,
        @JsonProperty("analytics") Optional<JsonNode> analytics,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields)
        implements Message {

    public TraceMessage {
        requireNonNull(type, "type");
        error = error == null ? Optional.empty() : error;
        estimate = estimate == null ? Optional.empty() : estimate;
        streamStatus = streamStatus == null ? Optional.empty() : streamStatus;
        analytics = Unknown.present(analytics);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static TraceMessage error(ErrorTrace error, double emittedAt) {
        return new TraceMessage(TraceType.ERROR, emittedAt, Optional.of(error), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of());
    }

    public static TraceMessage estimate(EstimateTrace estimate, double emittedAt) {
        return new TraceMessage(TraceType.ESTIMATE, emittedAt, Optional.empty(), Optional.of(estimate),
                Optional.empty(), Optional.empty(), Map.of());
    }

    public static TraceMessage streamStatus(StreamStatusTrace status, double emittedAt) {
        return new TraceMessage(TraceType.STREAM_STATUS, emittedAt, Optional.empty(), Optional.empty(),
                Optional.of(status), Optional.empty(), Map.of());
    }

    public enum TraceType {
        ERROR,
        ESTIMATE,
        STREAM_STATUS,
        ANALYTICS
    }

    public record ErrorTrace(
            @JsonProperty("message") String message,
            @JsonProperty("internal_message") Optional<String> internalMessage,
            @JsonProperty("stack_trace") Optional<String> stackTrace,
            @JsonProperty("failure_type") Optional<FailureType> failureType,
            @JsonProperty("stream_descriptor") Optional<StreamDescriptor> streamDescriptor,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
        public ErrorTrace {
            requireNonNull(message, "message");
            internalMessage = internalMessage == null ? Optional.empty() : internalMessage;
            stackTrace = stackTrace == null ? Optional.empty() : stackTrace;
            failureType = failureType == null ? Optional.empty() : failureType;
            streamDescriptor = streamDescriptor == null ? Optional.empty() : streamDescriptor;
            unknownFields = Unknown.copy(unknownFields);
        }

        public ErrorTrace(String message, Optional<String> internalMessage, Optional<String> stackTrace,
                Optional<FailureType> failureType, Optional<StreamDescriptor> streamDescriptor) {
            this(message, internalMessage, stackTrace, failureType, streamDescriptor, Map.of());
        }
    }

    /** The protocol's failure classification; lower-case on the wire. */
    public enum FailureType {
        SYSTEM_ERROR("system_error"),
        CONFIG_ERROR("config_error"),
        TRANSIENT_ERROR("transient_error");

        private final String wire;

        FailureType(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }

    public record EstimateTrace(
            @JsonProperty("name") String name,
            @JsonProperty("type") EstimateType type,
            @JsonProperty("namespace") Optional<String> namespace,
            @JsonProperty("row_estimate") Optional<Long> rowEstimate,
            @JsonProperty("byte_estimate") Optional<Long> byteEstimate,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
        public EstimateTrace {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            namespace = namespace == null ? Optional.empty() : namespace;
            rowEstimate = rowEstimate == null ? Optional.empty() : rowEstimate;
            byteEstimate = byteEstimate == null ? Optional.empty() : byteEstimate;
            unknownFields = Unknown.copy(unknownFields);
        }

        public EstimateTrace(String name, EstimateType type, Optional<String> namespace,
                Optional<Long> rowEstimate, Optional<Long> byteEstimate) {
            this(name, type, namespace, rowEstimate, byteEstimate, Map.of());
        }
    }

    public enum EstimateType {
        STREAM,
        SYNC
    }

    public record StreamStatusTrace(
            @JsonProperty("stream_descriptor") StreamDescriptor streamDescriptor,
            @JsonProperty("status") StreamStatus status,
            @JsonProperty("reasons") List<JsonNode> reasons,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
        public StreamStatusTrace {
            requireNonNull(streamDescriptor, "stream_descriptor");
            requireNonNull(status, "status");
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            unknownFields = Unknown.copy(unknownFields);
        }

        public StreamStatusTrace(StreamDescriptor streamDescriptor, StreamStatus status, List<JsonNode> reasons) {
            this(streamDescriptor, status, reasons, Map.of());
        }
    }

    public enum StreamStatus {
        STARTED,
        RUNNING,
        COMPLETE,
        INCOMPLETE
    }
}
