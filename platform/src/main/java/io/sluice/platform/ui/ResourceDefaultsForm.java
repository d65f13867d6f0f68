package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sluice.platform.api.ApiJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's resource defaults: {@code defaultResourceRequirements} (Kubernetes quantities,
 * input ids {@code cpu_request}, {@code cpu_limit}, {@code memory_request}, {@code memory_limit})
 * and {@code engineMemoryBudget}. An empty input clears that value.
 */
public record ResourceDefaultsForm(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit,
        String engineMemoryBudget) {
    static final String REQUIREMENTS = "defaultResourceRequirements";
    static final String BUDGET = "engineMemoryBudget";

    static ResourceDefaultsForm of(JsonNode workspace) {
        JsonNode requirements = workspace.path(REQUIREMENTS);
        return new ResourceDefaultsForm(requirements.path("cpu_request").asText(""),
                requirements.path("cpu_limit").asText(""), requirements.path("memory_request").asText(""),
                requirements.path("memory_limit").asText(""), workspace.path(BUDGET).asText(""));
    }

    static ResourceDefaultsForm from(Context ctx) {
        return new ResourceDefaultsForm(SetupForm.text(ctx, "cpu_request"), SetupForm.text(ctx, "cpu_limit"),
                SetupForm.text(ctx, "memory_request"), SetupForm.text(ctx, "memory_limit"),
                SetupForm.text(ctx, BUDGET));
    }

    /** The {@code workspaces/update} fields: every input, the empty ones left out of the requirements. */
    ObjectNode changes() {
        ObjectNode changes = ApiJson.MAPPER.createObjectNode();
        ObjectNode requirements = changes.putObject(REQUIREMENTS);
        putIfGiven(requirements, "cpu_request", cpuRequest);
        putIfGiven(requirements, "cpu_limit", cpuLimit);
        putIfGiven(requirements, "memory_request", memoryRequest);
        putIfGiven(requirements, "memory_limit", memoryLimit);
        return changes.put(BUDGET, engineMemoryBudget);
    }

    /** The input an API field error belongs to: {@code defaultResourceRequirements.cpu_limit} is {@code cpu_limit}. */
    static String inputOf(String field) {
        if (field.equals(BUDGET)) {
            return BUDGET;
        }
        String prefix = REQUIREMENTS + ".";
        String name = field.startsWith(prefix) ? field.substring(prefix.length()) : "";
        return List.of("cpu_request", "cpu_limit", "memory_request", "memory_limit").contains(name) ? name : null;
    }

    /** How the overview sums the defaults up. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        addIfGiven(parts, "CPU request ", cpuRequest);
        addIfGiven(parts, "CPU limit ", cpuLimit);
        addIfGiven(parts, "memory request ", memoryRequest);
        addIfGiven(parts, "memory limit ", memoryLimit);
        addIfGiven(parts, "engine memory budget ", engineMemoryBudget);
        if (parts.isEmpty()) {
            return "None set: the server's environment decides";
        }
        String text = String.join(", ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void putIfGiven(ObjectNode json, String field, String value) {
        if (!value.isEmpty()) {
            json.put(field, value);
        }
    }

    private static void addIfGiven(List<String> parts, String label, String value) {
        if (!value.isEmpty()) {
            parts.add(label + value);
        }
    }
}
