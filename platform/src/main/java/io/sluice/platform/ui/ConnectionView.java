package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * The head of a connection's pages, from {@code connections/get} and the source's and destination's
 * {@code get}.
 *
 * @param nextRun when the schedule starts the next sync ({@code nextRunAt}), if it will
 */
public record ConnectionView(String id, String name, String sourceId, String sourceName, String destinationId,
        String destinationName, String status, String schedule, Optional<String> nextRun) {

    static ConnectionView of(JsonNode connection, JsonNode source, JsonNode destination) {
        Optional<String> next = connection.path("nextRunAt").isNumber()
                ? Optional.of(SyncDisplay.time(Instant.ofEpochSecond(connection.path("nextRunAt").asLong())))
                : Optional.empty();
        return new ConnectionView(connection.path("connectionId").asText(), connection.path("name").asText(),
                connection.path("sourceId").asText(), source.path("name").asText(),
                connection.path("destinationId").asText(), destination.path("name").asText(),
                connection.path("status").asText(), SyncDisplay.schedule(connection), next);
    }

    public boolean enabled() {
        return status.equals("active");
    }

    public String path() {
        return "/connections/" + id;
    }
}
