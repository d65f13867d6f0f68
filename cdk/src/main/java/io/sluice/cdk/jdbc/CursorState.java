package io.sluice.cdk.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The position of an incremental cursor read in Airbyte's shape:
 * {@code {"cursor_field": ["updated_at"], "cursor": "<value as text>", "cursor_record_count": N}}.
 * Every row whose cursor is below {@code cursor} has been emitted, and so have the first
 * {@code cursorRecordCount} rows (in the read's order) whose cursor equals it.
 *
 * @param cursor the last cursor value emitted, as the database writes it as text; empty before the first row
 */
public record CursorState(List<String> cursorField, Optional<String> cursor, long cursorRecordCount) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public CursorState {
        cursorField = List.copyOf(cursorField);
        requireNonNull(cursor, "cursor");
        if (cursorRecordCount < 0) {
            throw new IllegalArgumentException("cursorRecordCount must be >= 0, got " + cursorRecordCount);
        }
    }

    public ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        cursorField.forEach(json.putArray("cursor_field")::add);
        cursor.ifPresentOrElse(c -> json.put("cursor", c), () -> json.putNull("cursor"));
        json.put("cursor_record_count", cursorRecordCount);
        return json;
    }

    /**
     * Reads a saved state; a state for another cursor field than {@code cursorField} is ignored
     * (the stream is read from the start, as Airbyte does when the user changes the cursor).
     *
     * @throws ConnectorException (CONFIG) when the state is not of this shape
     */
    public static Optional<CursorState> fromJson(JsonNode json, List<String> cursorField) {
        if (json == null || json.isNull() || json.isEmpty()) {
            return Optional.empty();
        }
        if (!json.isObject() || !json.path("cursor_field").isArray()) {
            throw ConnectorException.config("the saved state of a cursor stream must be an object with "
                    + "cursor_field, cursor and cursor_record_count");
        }
        List<String> field = new ArrayList<>();
        json.get("cursor_field").forEach(f -> field.add(f.asText()));
        if (!field.equals(cursorField)) {
            return Optional.empty();
        }
        JsonNode cursor = json.path("cursor");
        Optional<String> value = cursor.isNull() || cursor.isMissingNode() ? Optional.empty() : Optional.of(cursor.asText());
        long count = json.path("cursor_record_count").asLong(0);
        return Optional.of(new CursorState(field, value, value.isEmpty() ? 0 : Math.max(0, count)));
    }
}
