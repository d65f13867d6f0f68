package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.protocol.StreamDescriptor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a sync ended.
 *
 * @param streams counters per stream, by source descriptor, in catalog order
 * @param failure why it failed; present exactly when the status is FAILED
 * @param finalState the saved state at the end: every state the destination acknowledged
 */
public record SyncResult(
        Status status,
        Map<StreamDescriptor, StreamStats> streams,
        Optional<Failure> failure,
        InputState finalState,
        Duration duration) {

    public SyncResult {
        requireNonNull(status, "status");
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
        requireNonNull(failure, "failure");
        requireNonNull(finalState, "finalState");
        requireNonNull(duration, "duration");
    }

    public enum Status {
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    /** Which side of the sync failed. */
    public enum Origin {
        SOURCE,
        DESTINATION,
        ENGINE,
        /** A step the platform runs after a successful sync (a connection's SQL steps or dbt). */
        OPERATION
    }

    /** A classified failure: the kind decides retries, the message is for people. */
    public record Failure(FailureKind kind, Origin origin, String message, String stackTrace) {
        public Failure {
            requireNonNull(kind, "kind");
            requireNonNull(origin, "origin");
            requireNonNull(message, "message");
            stackTrace = stackTrace == null ? "" : stackTrace;
        }

        /** A {@link ConnectorException} keeps its kind and message; anything else is SYSTEM. */
        public static Failure of(Origin origin, Throwable error) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            if (error instanceof ConnectorException c) {
                return new Failure(c.kind(), origin, c.getMessage(), trace.toString());
            }
            String detail = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
            String side = origin.name().toLowerCase(Locale.ROOT);
            return new Failure(FailureKind.SYSTEM, origin, side + " failed: " + detail, trace.toString());
        }
    }

    public long recordsEmitted() {
        return streams.values().stream().mapToLong(StreamStats::recordsEmitted).sum();
    }

    public long recordsCommitted() {
        return streams.values().stream().mapToLong(StreamStats::recordsCommitted).sum();
    }

    public long bytesEmitted() {
        return streams.values().stream().mapToLong(StreamStats::bytesEmitted).sum();
    }

    public long bytesCommitted() {
        return streams.values().stream().mapToLong(StreamStats::bytesCommitted).sum();
    }
}
