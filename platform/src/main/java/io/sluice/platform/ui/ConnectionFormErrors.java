package io.sluice.platform.ui;

import io.sluice.cdk.ConfigError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's field errors of a {@code connections/create} or {@code update}, placed on the form:
 * settings errors by form field id, stream errors by the stream's key (the API names them by
 * their index in the posted {@code syncCatalog}), and the rest for the top of the form.
 */
public record ConnectionFormErrors(Map<String, String> fields, Map<String, String> streams, List<String> general) {
    public static final ConnectionFormErrors NONE = new ConnectionFormErrors(Map.of(), Map.of(), List.of());
    private static final Pattern STREAM = Pattern.compile("syncCatalog\\.streams\\[(\\d+)]\\.?(.*)");
    private static final List<String> SETTINGS = List.of("name", "namespaceDefinition", "namespaceFormat", "prefix");

    /** @param sent the streams in the order they were sent */
    public static ConnectionFormErrors of(List<ConfigError> errors, List<StreamChoice> sent) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> streams = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ConfigError error : errors) {
            Matcher stream = STREAM.matcher(error.field());
            String scheduleField = ScheduleForm.formField(error.field());
            if (stream.matches() && Integer.parseInt(stream.group(1)) < sent.size()) {
                String key = sent.get(Integer.parseInt(stream.group(1))).key();
                streams.merge(key, what(stream.group(2)) + " " + error.problem() + ".", (a, b) -> a + " " + b);
            } else if (SETTINGS.contains(error.field())) {
                fields.merge(error.field(), sentence(error.problem()), (a, b) -> a + " " + b);
            } else if (!scheduleField.isEmpty()) {
                fields.merge(scheduleField, sentence(error.problem()), (a, b) -> a + " " + b);
            } else {
                general.add(error.field() + ": " + error.problem());
            }
        }
        return new ConnectionFormErrors(fields, streams, general);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && streams.isEmpty() && general.isEmpty();
    }

    private static String what(String field) {
        return switch (field) {
            case "config.cursorField" -> "The cursor field";
            case "config.primaryKey" -> "The primary key";
            case "config.syncMode", "config.destinationSyncMode" -> "The sync mode:";
            default -> "The stream:";
        };
    }

    private static String sentence(String problem) {
        String text = problem.isEmpty() ? problem : Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
