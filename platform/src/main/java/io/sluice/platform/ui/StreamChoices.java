package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Between the stream table's form fields and the API's {@code syncCatalog}. The table posts, for
 * row {@code i} of {@code streamCount}: {@code stream.i.name}, {@code stream.i.namespace},
 * {@code stream.i.selected} (present when ticked), {@code stream.i.mode}
 * ({@link SyncModeOption#value()}), {@code stream.i.cursor} and {@code stream.i.pk} (repeated).
 */
public final class StreamChoices {
    private StreamChoices() {}

    /** The rows of a posted stream table, in table order; a row without a name or a known mode is skipped. */
    public static List<StreamChoice> parse(Map<String, List<String>> form) {
        int count;
        try {
            count = Integer.parseInt(ScheduleForm.first(form, "streamCount"));
        } catch (NumberFormatException e) {
            return List.of();
        }
        List<StreamChoice> choices = new ArrayList<>();
        for (int i = 0; i < Math.min(count, 10_000); i++) {
            String prefix = "stream." + i + ".";
            String name = ScheduleForm.first(form, prefix + "name");
            Optional<SyncModeOption> mode = SyncModeOption.parse(ScheduleForm.first(form, prefix + "mode"));
            if (name.isEmpty() || mode.isEmpty()) {
                continue;
            }
            List<String> key = form.getOrDefault(prefix + "pk", List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
            choices.add(new StreamChoice(name, ScheduleForm.first(form, prefix + "namespace"),
                    form.containsKey(prefix + "selected"), mode.get(), ScheduleForm.first(form, prefix + "cursor"), key));
        }
        return choices;
    }

    /**
     * The API's {@code syncCatalog} for the choices, in their order: every stream with
     * {@code selected}, its modes and, when chosen, its cursor and key; the API fills in the stream's
     * schema and the source-defined cursor and key.
     */
    public static ObjectNode syncCatalog(List<StreamChoice> choices) {
        ObjectNode catalog = JsonNodeFactory.instance.objectNode();
        ArrayNode streams = catalog.putArray("streams");
        for (StreamChoice choice : choices) {
            ObjectNode entry = streams.addObject();
            ObjectNode stream = entry.putObject("stream").put("name", choice.name());
            if (!choice.namespace().isEmpty()) {
                stream.put("namespace", choice.namespace());
            }
            ObjectNode config = entry.putObject("config").put("selected", choice.selected())
                    .put("syncMode", choice.mode().syncMode())
                    .put("destinationSyncMode", choice.mode().destinationSyncMode());
            if (!choice.cursorField().isEmpty()) {
                config.putArray("cursorField").add(choice.cursorField());
            }
            if (!choice.primaryKey().isEmpty()) {
                ArrayNode key = config.putArray("primaryKey");
                choice.primaryKey().forEach(field -> key.addArray().add(field));
            }
        }
        return catalog;
    }

    /** The choice a stored or discovered {@code {stream, config}} entry holds (only top-level cursor and key fields). */
    public static StreamChoice of(JsonNode entry) {
        JsonNode stream = entry.path("stream");
        JsonNode config = entry.path("config");
        boolean sourceCursor = stream.path("sourceDefinedCursor").asBoolean(false);
        boolean sourceKey = !stream.path("sourceDefinedPrimaryKey").isEmpty();
        String cursor = sourceCursor ? "" : config.path("cursorField").path(0).asText("");
        List<String> key = new ArrayList<>();
        if (!sourceKey) {
            config.path("primaryKey").forEach(path -> key.add(path.path(0).asText()));
        }
        return new StreamChoice(stream.path("name").asText(), stream.path("namespace").asText(""),
                config.path("selected").asBoolean(true),
                new SyncModeOption(config.path("syncMode").asText("full_refresh"),
                        config.path("destinationSyncMode").asText("overwrite")),
                cursor, key);
    }
}
