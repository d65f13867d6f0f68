package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simple form of a REST API source, as the platform offers it: {@code url_base},
 * {@code authentication} ({@code type}: Bearer Token, API Key, Basic or None, with {@code token},
 * {@code header}, {@code username}, {@code password}) and a list of {@code endpoints} ({@code name},
 * {@code path}, {@code http_method}, {@code params}, optional {@code records_path} and
 * {@code primary_key}); any other config field ({@code start_date}) is there for templates like
 * {@code "{{ config['start_date'] }}"} in params. It becomes an ordinary manifest, so both forms
 * run the same code.
 */
final class SimpleForm {
    static final String URL_BASE = "url_base";
    static final String ENDPOINTS = "endpoints";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SimpleForm() {}

    static ObjectNode manifest(ObjectNode config) {
        ObjectNode manifest = NODES.objectNode();
        manifest.put("version", "6.0.0");
        manifest.put("type", "DeclarativeSource");
        manifest.set("spec", spec());
        ArrayNode streams = manifest.putArray("streams");
        JsonNode endpoints = config.path(ENDPOINTS);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode endpoint = endpoints.get(i);
            String name = endpoint.path("name").asText("");
            if (name.isEmpty()) {
                throw ConnectorException.config(ENDPOINTS + "[" + i + "].name is required");
            }
            names.add(name);
            streams.add(stream(endpoint, config.path("authentication")));
        }
        if (!names.isEmpty()) {
            ObjectNode check = manifest.putObject("check");
            check.put("type", "CheckStream");
            check.putArray("stream_names").add(names.getFirst());
        }
        if (config.path("requests_per_second").canConvertToInt()) {
            ObjectNode budget = manifest.putObject("api_budget");
            budget.put("type", "HTTPAPIBudget");
            ObjectNode policy = budget.putArray("policies").addObject();
            policy.put("type", "MovingWindowCallRatePolicy");
            policy.putArray("rates").addObject()
                    .put("limit", config.get("requests_per_second").asInt()).put("interval", "PT1S");
        }
        return manifest;
    }

    private static ObjectNode stream(JsonNode endpoint, JsonNode authentication) {
        ObjectNode stream = NODES.objectNode();
        stream.put("type", "DeclarativeStream");
        stream.put("name", endpoint.path("name").asText());
        if (endpoint.has("primary_key")) {
            stream.set("primary_key", endpoint.get("primary_key"));
        }
        ObjectNode retriever = stream.putObject("retriever");
        retriever.put("type", "SimpleRetriever");
        ObjectNode requester = retriever.putObject("requester");
        requester.put("type", "HttpRequester");
        requester.put("url_base", "{{ config['url_base'] }}");
        requester.put("path", endpoint.path("path").asText(""));
        requester.put("http_method", endpoint.path("http_method").asText("GET"));
        if (endpoint.path("params").isObject()) {
            requester.set("request_parameters", endpoint.get("params"));
        }
        requester.set("authenticator", authenticator(authentication));
        ObjectNode selector = retriever.putObject("record_selector");
        selector.put("type", "RecordSelector");
        ObjectNode extractor = selector.putObject("extractor");
        extractor.put("type", "DpathExtractor");
        extractor.set("field_path", endpoint.path("records_path").isArray() ? endpoint.get("records_path") : NODES.arrayNode());
        return stream;
    }

    private static ObjectNode authenticator(JsonNode authentication) {
        ObjectNode auth = NODES.objectNode();
        switch (kind(authentication)) {
            case "bearer" -> auth.put("type", "BearerAuthenticator")
                    .put("api_token", "{{ config['authentication']['token'] }}");
            case "apikey" -> {
                auth.put("type", "ApiKeyAuthenticator").put("api_token", "{{ config['authentication']['token'] }}");
                auth.putObject("inject_into").put("type", "RequestOption").put("inject_into", "header")
                        .put("field_name", authentication.path("header").asText("X-API-Key"));
            }
            case "basic" -> auth.put("type", "BasicHttpAuthenticator")
                    .put("username", "{{ config['authentication']['username'] }}")
                    .put("password", "{{ config['authentication']['password'] }}");
            case "none" -> auth.put("type", "NoAuth");
            default -> throw ConnectorException.config("authentication.type must be Bearer Token, API Key, Basic or None, got '"
                    + authentication.path("type").asText() + "'");
        }
        return auth;
    }

    /** "Bearer Token", "bearer", "API Key", "api_key", "Basic", "None" in any spelling. */
    private static String kind(JsonNode authentication) {
        if (!authentication.isObject()) {
            return "none";
        }
        String type = authentication.path("type").asText("none").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (type) {
            case "bearer", "bearertoken", "token" -> "bearer";
            case "apikey", "apikeyheader" -> "apikey";
            case "basic", "basichttp", "basicauth" -> "basic";
            case "none", "noauth", "" -> "none";
            default -> type;
        };
    }

    static List<String> secretValues(ObjectNode config) {
        List<String> values = new ArrayList<>();
        JsonNode auth = config.path("authentication");
        for (String field : List.of("token", "password")) {
            if (auth.path(field).isTextual()) {
                values.add(auth.get(field).asText());
            }
        }
        return values;
    }

    private static ObjectNode spec() {
        ObjectNode spec = NODES.objectNode();
        spec.put("type", "Spec");
        ObjectNode schema = spec.putObject("connection_specification");
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        schema.putArray("required").add(URL_BASE).add(ENDPOINTS);
        schema.put("additionalProperties", true);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject(URL_BASE).put("type", "string").put("title", "URL Base").put("pattern", "^https?://");
        ObjectNode auth = properties.putObject("authentication");
        auth.put("type", "object").put("title", "Authentication");
        ObjectNode authProps = auth.putObject("properties");
        authProps.putObject("type").put("type", "string");
        authProps.putObject("token").put("type", "string").put("airbyte_secret", true);
        authProps.putObject("header").put("type", "string");
        authProps.putObject("username").put("type", "string");
        authProps.putObject("password").put("type", "string").put("airbyte_secret", true);
        ObjectNode endpoints = properties.putObject(ENDPOINTS);
        endpoints.put("type", "array").put("title", "Endpoints").put("minItems", 1);
        ObjectNode item = endpoints.putObject("items");
        item.put("type", "object");
        item.putArray("required").add("name").add("path");
        ObjectNode itemProps = item.putObject("properties");
        itemProps.putObject("name").put("type", "string").put("minLength", 1);
        itemProps.putObject("path").put("type", "string");
        itemProps.putObject("http_method").put("type", "string").putArray("enum").add("GET").add("POST");
        itemProps.putObject("params").put("type", "object");
        itemProps.putObject("records_path").put("type", "array").putObject("items").put("type", "string");
        properties.putObject("requests_per_second").put("type", "integer").put("minimum", 1);
        return spec;
    }
}
