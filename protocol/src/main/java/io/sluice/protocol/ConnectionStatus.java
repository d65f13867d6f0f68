package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Whether a connector could use its config; on failure, a message a person can act on. */
public record ConnectionStatus(
        @JsonProperty("status") Status status,
        @JsonProperty("message") Optional<String> message,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public ConnectionStatus {
        requireNonNull(status, "status");
        message = message == null ? Optional.empty() : message;
        unknownFields = Unknown.copy(unknownFields);
    }

    public ConnectionStatus(Status status, Optional<String> message) {
        this(status, message, Map.of());
    }

    public static ConnectionStatus succeeded() {
        return new ConnectionStatus(Status.SUCCEEDED, Optional.empty());
    }

    public static ConnectionStatus failed(String message) {
        return new ConnectionStatus(Status.FAILED, Optional.of(message));
    }

    @JsonIgnore
    public boolean isSucceeded() {
        return status == Status.SUCCEEDED;
    }

    public enum Status {
        SUCCEEDED,
        FAILED
    }
}
