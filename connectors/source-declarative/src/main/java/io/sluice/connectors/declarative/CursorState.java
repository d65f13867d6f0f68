package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The incremental state of one stream, in Airbyte's shapes: {@code {"<cursor_field>": "<value>"}}
 * for a stream without partitions, and per partition for a stream with a partition router,
 * {@code {"states": [{"partition": {...}, "cursor": {"<cursor_field>": "<value>"}}]}}, as
 * Airbyte's per-partition cursor writes it. Per-partition state keeps each parent's own progress, so
 * a new or slow partition never makes another skip data, and states carried over from Airbyte keep
 * working. A cursor only moves forward.
 */
final class CursorState {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DatetimeCursor cursor;
    private final boolean perPartition;
    private final Map<JsonNode, Instant> positions = new LinkedHashMap<>();
    private final Map<JsonNode, JsonNode> partitions = new LinkedHashMap<>();

    private CursorState(DatetimeCursor cursor, boolean perPartition) {
        this.cursor = cursor;
        this.perPartition = perPartition;
    }

    /** The state to resume from; an absent or unreadable state starts from {@code start_datetime}. */
    static CursorState from(Optional<JsonNode> saved, DatetimeCursor cursor, boolean perPartition) {
        CursorState state = new CursorState(cursor, perPartition);
        if (saved.isEmpty()) {
            return state;
        }
        JsonNode json = saved.get();
        if (perPartition) {
            for (JsonNode entry : json.path("states")) {
                JsonNode partition = entry.path("partition");
                cursor.parseSaved(entry.path("cursor").get(cursor.cursorField()))
                        .ifPresent(at -> state.put(partition, at));
            }
        } else {
            cursor.parseSaved(json.get(cursor.cursorField())).ifPresent(at -> state.put(NODES.objectNode(), at));
        }
        return state;
    }

    Optional<Instant> position(Map<String, Object> partition) {
        return Optional.ofNullable(positions.get(key(partition)));
    }

    /** Moves the partition's cursor to {@code observed} if that is later. */
    void advance(Map<String, Object> partition, Instant observed) {
        JsonNode key = key(partition);
        Instant current = positions.get(key);
        if (current == null || observed.isAfter(current)) {
            put(key, observed);
        }
    }

    ObjectNode toJson() {
        if (!perPartition) {
            ObjectNode state = NODES.objectNode();
            Instant at = positions.get(NODES.objectNode());
            if (at != null) {
                state.put(cursor.cursorField(), cursor.formatCursor(at));
            }
            return state;
        }
        ObjectNode state = NODES.objectNode();
        ArrayNode states = state.putArray("states");
        positions.forEach((key, at) -> {
            ObjectNode entry = states.addObject();
            entry.set("partition", partitions.get(key));
            entry.putObject("cursor").put(cursor.cursorField(), cursor.formatCursor(at));
        });
        return state;
    }

    private void put(JsonNode partition, Instant at) {
        JsonNode key = perPartition ? partition : NODES.objectNode();
        positions.put(key, at);
        partitions.put(key, partition);
    }

    private JsonNode key(Map<String, Object> partition) {
        return perPartition ? RowJson.fromPlain(partition) : NODES.objectNode();
    }
}
