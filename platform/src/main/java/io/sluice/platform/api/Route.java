package io.sluice.platform.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.HandlerType;

/**
 * One served API call: what {@link Routes} registers and {@link OpenApiDocument} describes.
 *
 * @param request the request body's fields in {@link OpenApiSchemas}' short form
 *     ({@code "workspaceId*:uuid,name:string"}, {@code *} = required), empty for none
 * @param response the name of the response schema in {@link OpenApiSchemas}, empty for 204
 */
public record Route(HandlerType method, String path, ApiHandler handler, String summary, String request, String response) {
    public Route {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(handler, "handler");
        requireNonNull(summary, "summary");
        requireNonNull(request, "request");
        requireNonNull(response, "response");
    }
}
