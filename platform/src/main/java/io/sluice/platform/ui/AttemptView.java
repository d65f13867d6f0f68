package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** An attempt of a job as its log page lists it, from {@code jobs/get}'s {@code AttemptRead}. */
public record AttemptView(int number, String status, long records, long bytes, Duration duration,
        Optional<String> failure) {

    static AttemptView of(JsonNode attempt, Instant now) {
        Instant created = Instant.ofEpochSecond(attempt.path("createdAt").asLong());
        Instant ended = attempt.path("endedAt").isNumber() ? Instant.ofEpochSecond(attempt.path("endedAt").asLong())
                : now;
        String failure = SyncRun.failureMessage(attempt);
        return new AttemptView(attempt.path("id").asInt(), attempt.path("status").asText(),
                attempt.path("recordsSynced").asLong(0), attempt.path("bytesSynced").asLong(0),
                Duration.between(created, ended), failure.isEmpty() ? Optional.empty() : Optional.of(failure));
    }

    public String statusLabel() {
        return SyncDisplay.statusLabel(status);
    }

    public String recordsText() {
        return SyncDisplay.count(records);
    }

    public String bytesText() {
        return SyncDisplay.bytes(bytes);
    }

    public String durationText() {
        return SyncDisplay.duration(duration);
    }
}
