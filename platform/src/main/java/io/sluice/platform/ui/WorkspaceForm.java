package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sluice.platform.api.ApiJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace form: its name and the namespace defaults new connections start from
 * ({@code namespaceDefinition} source, destination or customformat, and {@code namespaceFormat}).
 * The input ids are the API's field names.
 */
public record WorkspaceForm(String name, String namespaceDefinition, String namespaceFormat) {
    /** The namespace definitions the form offers. */
    public static final List<Choice> DEFINITIONS = List.of(
            new Choice("source", "The source's namespace (schema)"),
            new Choice("destination", "The destination's default namespace"),
            new Choice("customformat", "A custom format"));

    /** An option of a select: its value and what the form calls it. */
    public record Choice(String value, String label) {}

    static WorkspaceForm of(JsonNode workspace) {
        return new WorkspaceForm(workspace.path("name").asText(""),
                workspace.path("namespaceDefinition").asText("source"), workspace.path("namespaceFormat").asText(""));
    }

    static WorkspaceForm from(Context ctx) {
        return new WorkspaceForm(SetupForm.text(ctx, "name"), SetupForm.text(ctx, "namespaceDefinition"),
                SetupForm.text(ctx, "namespaceFormat"));
    }

    /** What the form itself can tell is wrong; the API checks the rest. */
    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("name", "Enter a name for the workspace.");
        }
        if (namespaceDefinition.equals("customformat") && namespaceFormat.isBlank()) {
            errors.put("namespaceFormat", "Enter the custom format, for example ${SOURCE_NAMESPACE}_raw.");
        }
        return errors;
    }

    /** The {@code workspaces/update} fields. */
    ObjectNode changes() {
        return ApiJson.MAPPER.createObjectNode().put("name", name).put("namespaceDefinition", namespaceDefinition)
                .put("namespaceFormat", namespaceFormat);
    }

    /** How the overview describes the namespace default. */
    public String namespaceSummary() {
        return switch (namespaceDefinition) {
            case "source" -> "tables land in the source's namespace";
            case "destination" -> "tables land in the destination's default namespace";
            case "customformat" -> "tables land in " + namespaceFormat;
            default -> namespaceDefinition;
        };
    }
}
