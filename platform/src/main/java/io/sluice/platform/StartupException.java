package io.sluice.platform;

/** The server cannot start as configured; the message says why and what to do. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }
}
