package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

/** A CONNECTION_STATUS: the connector's answer to {@code check}. */
public record ConnectionStatusMessage(ConnectionStatus connectionStatus) implements Message {
    public ConnectionStatusMessage {
        requireNonNull(connectionStatus, "connectionStatus");
    }
}
