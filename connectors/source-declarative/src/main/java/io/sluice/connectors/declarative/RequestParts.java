package io.sluice.connectors.declarative;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of one HTTP request as the components add them: query parameters, headers, a JSON or
 * form body, and a path that replaces the requester's (a next-page link). Used by one request only.
 */
final class RequestParts {
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, String> form = new LinkedHashMap<>();
    private String path;

    void param(String name, String value) {
        params.put(name, value);
    }

    void header(String name, String value) {
        headers.put(name, value);
    }

    void jsonField(String name, Object value) {
        json.put(name, value);
    }

    void formField(String name, String value) {
        form.put(name, value);
    }

    void path(String newPath) {
        path = newPath;
    }

    Map<String, String> params() {
        return params;
    }

    Map<String, String> headers() {
        return headers;
    }

    Map<String, Object> json() {
        return json;
    }

    Map<String, String> form() {
        return form;
    }

    Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
