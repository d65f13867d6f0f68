package io.sluice.protocol;

/** A line that is JSON but not a valid Airbyte message; the message names the line and the problem. */
public final class ProtocolException extends RuntimeException {
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProtocolException(String message) {
        super(message);
    }
}
