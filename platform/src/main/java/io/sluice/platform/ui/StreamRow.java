package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the stream table: what the source says about the stream (its top-level fields,
 * read modes, source-defined cursor and key), the modes it can be synced with, the user's choice,
 * and the API's problem with it, if any.
 *
 * @param index the row's place in the posted form
 * @param fresh whether a schema refresh just found the stream
 */
public record StreamRow(int index, String name, String namespace, List<String> fields,
        List<SyncModeOption> options, List<String> sourceCursor, List<List<String>> sourceKey, StreamChoice choice,
        Optional<String> error, boolean fresh) {

    /**
     * A row for a {@code {stream, config}} entry of a discovered or stored catalog.
     *
     * @param choice the user's earlier choice, or empty to take the entry's config
     * @param destinationModes what the destination writes ({@code supportedDestinationSyncModes})
     */
    public static StreamRow of(int index, JsonNode entry, Optional<StreamChoice> choice, List<String> destinationModes,
            Map<String, String> errors, boolean fresh) {
        JsonNode stream = entry.path("stream");
        List<String> fields = new ArrayList<>();
        stream.path("jsonSchema").path("properties").fieldNames().forEachRemaining(fields::add);
        List<String> readModes = new ArrayList<>();
        stream.path("supportedSyncModes").forEach(m -> readModes.add(m.asText()));
        StreamChoice chosen = choice.orElseGet(() -> StreamChoices.of(entry));
        List<SyncModeOption> options = new ArrayList<>(SyncModeOption.options(readModes, destinationModes));
        if (!options.contains(chosen.mode())) {
            options.add(chosen.mode());
        }
        List<String> cursor = new ArrayList<>();
        if (stream.path("sourceDefinedCursor").asBoolean(false)) {
            stream.path("defaultCursorField").forEach(f -> cursor.add(f.asText()));
        }
        List<List<String>> key = new ArrayList<>();
        stream.path("sourceDefinedPrimaryKey").forEach(path -> {
            List<String> parts = new ArrayList<>();
            path.forEach(p -> parts.add(p.asText()));
            key.add(parts);
        });
        return new StreamRow(index, chosen.name(), chosen.namespace(), List.copyOf(fields), List.copyOf(options),
                List.copyOf(cursor), List.copyOf(key), chosen, Optional.ofNullable(errors.get(chosen.key())), fresh);
    }

    /** An element id for a part of this row: {@code stream-<name>-<part>}, the name reduced to letters, digits, - and _. */
    public String id(String part) {
        String key = (namespace.isEmpty() ? "" : namespace + "--") + name;
        return "stream-" + key.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + part;
    }

    /** A form field name for a part of this row: {@code stream.<index>.<part>}. */
    public String field(String part) {
        return "stream." + index + "." + part;
    }

    public String sourceCursorLabel() {
        return String.join(".", sourceCursor);
    }

    public String sourceKeyLabel() {
        return String.join(", ", sourceKey.stream().map(path -> String.join(".", path)).toList());
    }
}
