package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** Whether a connector could use its config; on failure, a message a person can act on. */
public record ConnectionStatus(
        @JsonProperty("status") Status status, @JsonProperty("message") Optional<String> message) {

    public ConnectionStatus {
        requireNonNull(status, "status");
        message = message == null ? Optional.empty() : message;
    }

    public static ConnectionStatus succeeded() {
        return new ConnectionStatus(Status.SUCCEEDED, Optional.empty());
    }

    public static ConnectionStatus failed(String message) {
        return new ConnectionStatus(Status.FAILED, Optional.of(message));
    }

    public boolean isSucceeded() {
        return status == Status.SUCCEEDED;
    }

    public enum Status {
        SUCCEEDED,
        FAILED
    }
}
