package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.api.ApiJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A row of a connection's sync history, read from a {@code jobs/list} or {@code jobs/get} job with
 * its attempts: records and bytes are summed over the attempts (a retried sync keeps what earlier
 * attempts committed); the duration runs from the job's start to its last attempt's end (or now).
 *
 * @param failure the last failed attempt's message, when the job failed
 */
public record SyncRun(long id, String configType, String status, long records, long bytes,
        Optional<Instant> startedAt, Optional<Duration> duration, Optional<String> failure) {

    public static SyncRun of(JsonNode job, List<JsonNode> attempts, Instant now) {
        String status = job.path("status").asText();
        Optional<Instant> started = job.path("startedAt").isNumber()
                ? Optional.of(Instant.ofEpochSecond(job.path("startedAt").asLong())) : Optional.empty();
        long records = 0;
        long bytes = 0;
        Optional<String> failure = Optional.empty();
        Optional<Instant> ended = Optional.empty();
        for (JsonNode attempt : attempts) {
            records += attempt.path("recordsSynced").asLong(0);
            bytes += attempt.path("bytesSynced").asLong(0);
            String message = failureMessage(attempt);
            if (!message.isEmpty()) {
                failure = Optional.of(message);
            }
            if (attempt.path("endedAt").isNumber()) {
                ended = Optional.of(Instant.ofEpochSecond(attempt.path("endedAt").asLong()));
            }
        }
        Instant end = SyncDisplay.active(status) ? now : ended.orElse(now);
        Optional<Duration> duration = started.map(s -> Duration.between(s, end));
        return new SyncRun(job.path("id").asLong(), job.path("configType").asText(), status, records, bytes,
                started, duration, status.equals("failed") ? failure : Optional.empty());
    }

    /** An {@code AttemptRead}'s failure summary: its first failure's message, or empty. */
    static String failureMessage(JsonNode attempt) {
        JsonNode first = attempt.path("failureSummary").path("failures").path(0);
        String message = first.path("externalMessage").asText("");
        return message.isEmpty() ? first.path("internalMessage").asText("") : message;
    }

    public boolean active() {
        return SyncDisplay.active(status);
    }

    public String statusLabel() {
        return SyncDisplay.statusLabel(status);
    }

    public String kind() {
        return configType.equals("reset_connection") ? "Reset" : "Sync";
    }

    public String recordsText() {
        return SyncDisplay.count(records);
    }

    public String bytesText() {
        return SyncDisplay.bytes(bytes);
    }

    public String durationText() {
        return duration.map(SyncDisplay::duration).orElse("not started");
    }

    public String startedText() {
        return startedAt.map(SyncDisplay::time).orElse("not started");
    }

    /**
     * The chart's data: x = start time (epoch seconds), records, duration in seconds, oldest first,
     * for the finished runs that started. Numbers only, so it can sit in a script element as it is.
     */
    public static String chartJson(List<SyncRun> newestFirst) {
        ObjectNode chart = ApiJson.MAPPER.createObjectNode();
        ArrayNode x = chart.putArray("startedAt");
        ArrayNode records = chart.putArray("records");
        ArrayNode seconds = chart.putArray("seconds");
        for (SyncRun run : newestFirst.reversed()) {
            if (run.active() || run.startedAt.isEmpty()) {
                continue;
            }
            x.add(run.startedAt.get().getEpochSecond());
            records.add(run.records);
            seconds.add(run.duration.orElse(Duration.ZERO).toMillis() / 1000.0);
        }
        return chart.toString();
    }
}
