package io.sluice.connectors.faker;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How far a stream has been read: the cursor ({@code updated_at} of the last row emitted), that
 * row's id and, for purchases, the last user whose purchases were all emitted. Saved as the
 * stream's state {@code {"updated_at": "...", "id": n, "user_id": m}}.
 */
record StreamPosition(Optional<Instant> updatedAt, long id, long userId) {

    StreamPosition {
        requireNonNull(updatedAt, "updatedAt");
    }

    static StreamPosition beginning() {
        return new StreamPosition(Optional.empty(), 0, 0);
    }

    /**
     * Reads a stream state. Without {@code id} (a state written by another tool), the id is the
     * one whose {@code updated_at} the cursor is on the first-read timeline.
     *
     * @throws ConnectorException (CONFIG) when the state is not one this source wrote
     */
    static StreamPosition fromJson(String stream, JsonNode state) {
        Optional<Instant> updatedAt = Optional.empty();
        JsonNode cursor = state.get("updated_at");
        if (cursor != null && !cursor.isNull()) {
            try {
                updatedAt = Optional.of(Instant.parse(cursor.asText()));
            } catch (DateTimeParseException e) {
                throw new ConnectorException(FailureKind.CONFIG,
                        "The state of stream " + stream + " has an updated_at that is not an ISO instant", e);
            }
        }
        long id = state.hasNonNull("id")
                ? state.get("id").asLong()
                : updatedAt.map(Timeline::idOnFirstTimeline).orElse(0L);
        long userId = state.path("user_id").asLong(0);
        return new StreamPosition(updatedAt, Math.max(id, 0), Math.max(userId, 0));
    }

    ObjectNode toJson() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        updatedAt.ifPresent(cursor -> state.put("updated_at", cursor.toString()));
        state.put("id", id);
        if (userId > 0) {
            state.put("user_id", userId);
        }
        return state;
    }
}
