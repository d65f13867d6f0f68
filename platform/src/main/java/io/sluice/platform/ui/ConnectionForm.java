package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The connection settings part of the new-connection and settings forms, as typed: name, namespace
 * rule ({@code source}, {@code destination}, {@code customformat} with its format), stream prefix
 * and schedule.
 */
public record ConnectionForm(String name, String namespaceDefinition, String namespaceFormat, String prefix,
        ScheduleForm schedule) {
    public static final List<String> NAMESPACE_DEFINITIONS = List.of("source", "destination", "customformat");

    /** A new connection's form: the name "source → destination", the source's namespaces, manual. */
    public static ConnectionForm initial(String sourceName, String destinationName) {
        return new ConnectionForm(sourceName + " \u2192 " + destinationName, "source", "${SOURCE_NAMESPACE}", "",
                ScheduleForm.MANUAL);
    }

    public static ConnectionForm from(Map<String, List<String>> form) {
        String definition = ScheduleForm.first(form, "namespaceDefinition");
        return new ConnectionForm(ScheduleForm.first(form, "name"),
                NAMESPACE_DEFINITIONS.contains(definition) ? definition : "source",
                ScheduleForm.first(form, "namespaceFormat"), ScheduleForm.first(form, "prefix"), ScheduleForm.from(form));
    }

    /** From a {@code ConnectionRead}. */
    public static ConnectionForm of(JsonNode connection) {
        return new ConnectionForm(connection.path("name").asText(),
                connection.path("namespaceDefinition").asText("source"),
                connection.path("namespaceFormat").asText("${SOURCE_NAMESPACE}"), connection.path("prefix").asText(""),
                ScheduleForm.of(connection));
    }

    /** Puts the settings on a {@code connections/create} or {@code connections/update} body. */
    public void writeTo(ObjectNode body) {
        body.put("name", name);
        body.put("namespaceDefinition", namespaceDefinition);
        if (namespaceDefinition.equals("customformat")) {
            body.put("namespaceFormat", namespaceFormat);
        }
        body.put("prefix", prefix);
        schedule.writeTo(body);
    }

    public String namespaceLabel(String definition) {
        return switch (definition) {
            case "destination" -> "Destination default";
            case "customformat" -> "Custom format";
            default -> "Source-defined (mirror the source's namespaces)";
        };
    }
}
