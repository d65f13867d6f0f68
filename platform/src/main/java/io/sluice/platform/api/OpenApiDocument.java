package io.sluice.platform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The OpenAPI 3 document of the served routes, generated from the route table so the two cannot drift. */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static ObjectNode of(List<Route> routes) {
        ObjectNode doc = ApiJson.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info")
                .put("title", "Sluice Config API")
                .put("version", "1.0.0")
                .put("description", "Airbyte-compatible Config API v1: RPC style, POST with JSON bodies,"
                        + " timestamps in epoch seconds, secrets masked as **********.");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            ObjectNode operation = path.putObject(route.method().name().toLowerCase(Locale.ROOT));
            operation.put("summary", route.summary());
            operation.put("operationId", operationId(route));
            if (!route.request().isEmpty()) {
                operation.putObject("requestBody").put("required", true).putObject("content")
                        .putObject("application/json").set("schema", OpenApiSchemas.object(route.request()));
            }
            ObjectNode responses = operation.putObject("responses");
            if (route.response().isEmpty()) {
                responses.putObject("204").put("description", "Done");
            } else {
                responses.putObject("200").put("description", "Success").putObject("content")
                        .putObject("application/json").putObject("schema")
                        .put("$ref", "#/components/schemas/" + route.response());
            }
            error(responses, "400", "Malformed JSON");
            error(responses, "401", "Credentials needed");
            error(responses, "404", "Unknown id");
            error(responses, "409", "Conflicts with the current state");
            error(responses, "422", "Invalid input; validationErrors names each field");
        }
        doc.putObject("components").set("schemas", OpenApiSchemas.components());
        return doc;
    }

    private static void error(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content")
                .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/ErrorRead");
    }

    private static String operationId(Route route) {
        String[] parts = route.path().substring("/api/v1/".length()).replace(".json", "").split("[/_]");
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String part : parts) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }
}
