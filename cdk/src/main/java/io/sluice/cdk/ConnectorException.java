package io.sluice.cdk;

import static java.util.Objects.requireNonNull;

/**
 * A classified failure. The message is for the person running the sync: plain words, the field or
 * system at fault, never a secret.
 */
public class ConnectorException extends RuntimeException {
    private final FailureKind kind;

    public ConnectorException(FailureKind kind, String userMessage, Throwable cause) {
        super(requireNonNull(userMessage, "userMessage"), cause);
        this.kind = requireNonNull(kind, "kind");
    }

    public ConnectorException(FailureKind kind, String userMessage) {
        this(kind, userMessage, null);
    }

    public static ConnectorException config(String userMessage) {
        return new ConnectorException(FailureKind.CONFIG, userMessage);
    }

    public static ConnectorException transientError(String userMessage, Throwable cause) {
        return new ConnectorException(FailureKind.TRANSIENT, userMessage, cause);
    }

    public static ConnectorException system(String userMessage, Throwable cause) {
        return new ConnectorException(FailureKind.SYSTEM, userMessage, cause);
    }

    public FailureKind kind() {
        return kind;
    }
}
