package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowJson;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code HttpRequester}: {@code url_base} + {@code path}, {@code http_method}, and the interpolated
 * {@code request_parameters}, {@code request_headers}, {@code request_body_json} /
 * {@code request_body_data}; values that come out empty are left out, as Airbyte does. The
 * {@link Authenticator} and the {@link ErrorHandler} belong to it.
 */
record HttpRequester(Template urlBase, Template path, String method, Map<String, Template> parameters,
        Map<String, Template> headers, Optional<JsonNode> bodyJson, Map<String, Template> bodyData,
        Authenticator authenticator, ErrorHandler errorHandler, ComponentContext context, String bodyPath) {

    /** Adds the requester's own parameters, headers and body fields to {@code parts}. */
    void addOptions(RequestParts parts, TemplateVars vars) {
        parameters.forEach((name, value) -> nonEmpty(value.value(vars)).ifPresent(v -> parts.param(name, TemplateValues.text(v))));
        headers.forEach((name, value) -> nonEmpty(value.value(vars)).ifPresent(v -> parts.header(name, TemplateValues.text(v))));
        bodyData.forEach((name, value) -> nonEmpty(value.value(vars)).ifPresent(v -> parts.formField(name, TemplateValues.text(v))));
        bodyJson.ifPresent(json -> {
            Object evaluated = evaluateJson(json, vars, bodyPath);
            if (evaluated instanceof Map<?, ?> map) {
                map.forEach((k, v) -> parts.jsonField(String.valueOf(k), v));
            }
        });
    }

    /** The request for these parts. */
    HttpRequest build(RequestParts parts, TemplateVars vars, Duration timeout) {
        String url = parts.path().filter(p -> p.startsWith("http://") || p.startsWith("https://"))
                .orElseGet(() -> join(urlBase.text(vars), parts.path().orElseGet(() -> path.text(vars))));
        url = withQuery(url, parts.params());
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ConnectorException.config("The request URL built from url_base and path is not valid: "
                    + context.scrubber().scrub(e.getMessage()));
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw ConnectorException.config("The request URL built from url_base and path has no scheme or host: '"
                    + context.scrubber().scrub(RestClient.withoutQuery(uri)) + "'; url_base must start with http:// or https://");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        parts.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (!parts.json().isEmpty()) {
            body = HttpRequest.BodyPublishers.ofString(RowJson.fromPlain(parts.json()).toString());
            builder.header("Content-Type", "application/json");
        } else if (!parts.form().isEmpty()) {
            body = HttpRequest.BodyPublishers.ofString(parts.form().entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return builder.method(method.toUpperCase(Locale.ROOT), body).build();
    }

    /** Adds the parameters a URL does not carry yet (a next-page link already holds its own). */
    private static String withQuery(String url, Map<String, String> params) {
        String existing = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        Set<String> present = Arrays.stream(existing.split("&"))
                .map(p -> URLDecoder.decode(p.contains("=") ? p.substring(0, p.indexOf('=')) : p, StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
        String query = params.entrySet().stream()
                .filter(e -> !present.contains(e.getKey()))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + query;
    }

    private Object evaluateJson(JsonNode node, TemplateVars vars, String where) {
        if (node.isTextual()) {
            return new Template(context.templates(), node.asText(), where, Map.of()).value(vars);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> nonEmpty(evaluateJson(e.getValue(), vars, where + "." + e.getKey()))
                    .ifPresent(v -> map.put(e.getKey(), v)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new java.util.ArrayList<>();
            node.forEach(element -> list.add(evaluateJson(element, vars, where)));
            return list;
        }
        return RowJson.toPlain(node);
    }

    private static Optional<Object> nonEmpty(Object value) {
        return value == null || value instanceof String s && (s.isEmpty() || s.equals("None"))
                ? Optional.empty() : Optional.of(value);
    }

    static String join(String base, String path) {
        if (path == null || path.isEmpty()) {
            return base;
        }
        if (base.isEmpty()) {
            return path;
        }
        return base.replaceAll("/+$", "") + "/" + path.replaceAll("^/+", "");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
