package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.cdk.ConfigError;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.ui.ActorViews.Connector;
import io.sluice.platform.ui.ActorViews.Link;
import io.sluice.platform.ui.ActorViews.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Sources or Destinations pages (one instance per side): the list, the catalogue of
 * connectors, the new and edit forms generated from the connector's spec (with Test connection),
 * and delete after a confirmation that lists the connections going with it. Everything goes
 * through the Config API's calls; their field errors show beside the inputs.
 */
final class ActorPages implements UiArea {
    private final ActorSide side;
    private final Routes api;
    private final UiPages pages;
    private final ActorForms forms;

    ActorPages(ActorType type, Routes api, UiPages pages) {
        this.side = new ActorSide(type);
        this.api = api;
        this.pages = pages;
        this.forms = new ActorForms(side, api, pages);
    }

    @Override
    public void register(UiRoutes routes) {
        String base = side.path();
        routes.get(base, this::list);
        routes.get(base + "/new", this::catalogue);
        routes.get(base + "/new/{definitionId}", onNew(forms::newForm, forms::notFound));
        routes.post(base + "/new/{definitionId}", onNew(forms::create, forms::notFound));
        routes.post(base + "/new/{definitionId}/check", onNew((ctx, s, c) -> forms.checkNew(ctx, c), forms::checkGone));
        routes.get(base + "/{id}", onStored(forms::edit, forms::notFound));
        routes.post(base + "/{id}", onStored(forms::update, forms::notFound));
        routes.post(base + "/{id}/check", onStored((ctx, s, a, c) -> forms.checkExisting(ctx, a, c), forms::checkGone));
        routes.get(base + "/{id}/delete", this::confirmDelete);
        routes.post(base + "/{id}/delete", this::delete);
    }

    /** A page of the new form, given its connector. */
    private interface NewPage {
        void handle(Context ctx, UiSessions.Session session, ActorForms.Connector connector) throws Exception;
    }

    /** A page of a stored source or destination, given it (as {@code sources/get} reads it) and its connector. */
    private interface StoredPage {
        void handle(Context ctx, UiSessions.Session session, JsonNode actor, ActorForms.Connector connector)
                throws Exception;
    }

    /** {@code page} for the path's {@code {definitionId}}, or {@code missing} when it names no connector of this side. */
    private WebUi.PageHandler onNew(NewPage page, WebUi.PageHandler missing) {
        return (ctx, session) -> {
            Optional<ActorForms.Connector> connector = definitionId(ctx).flatMap(forms::connector);
            if (connector.isEmpty()) {
                missing.handle(ctx, session);
            } else {
                page.handle(ctx, session, connector.get());
            }
        };
    }

    /** {@code page} for the path's {@code {id}}, or {@code missing} when it names nothing (or its connector is gone). */
    private WebUi.PageHandler onStored(StoredPage page, WebUi.PageHandler missing) {
        return (ctx, session) -> {
            Optional<JsonNode> actor = actor(ctx);
            Optional<ActorForms.Connector> connector = actor.flatMap(forms::connectorOf);
            if (connector.isEmpty()) {
                missing.handle(ctx, session);
            } else {
                page.handle(ctx, session, actor.get(), connector.get());
            }
        };
    }

    private void list(Context ctx, UiSessions.Session session) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode actor : api.call(side.call("list"), workspaceBody()).path(side.wire() + "s")) {
            rows.add(new Row(actor.path(side.idField()).asText(), actor.path("name").asText(),
                    actor.path(side.connectorNameField()).asText("(connector not installed)")));
        }
        String notice = ctx.queryParam("deleted") != null ? "The " + side.wire() + " has been deleted." : null;
        Map<String, Object> params = new java.util.HashMap<>(Map.of("csrf", session.csrf(), "side", side,
                "rows", rows));
        params.put("notice", notice);
        pages.render(ctx, "actors/list", params);
    }

    private void catalogue(Context ctx, UiSessions.Session session) {
        List<Connector> connectors = new ArrayList<>();
        for (JsonNode d : api.call(side.definitionCall("list_for_workspace"), workspaceBody())
                .path(side.wire() + "Definitions")) {
            connectors.add(new Connector(d.path(side.definitionIdField()).asText(), d.path("name").asText(),
                    d.path("dockerRepository").asText() + ":" + d.path("dockerImageTag").asText(),
                    d.path("custom").asBoolean(false)));
        }
        pages.render(ctx, "actors/catalogue", Map.of("csrf", session.csrf(), "side", side, "connectors", connectors));
    }

    private void confirmDelete(Context ctx, UiSessions.Session session) {
        Optional<JsonNode> actor = actor(ctx);
        if (actor.isEmpty()) {
            forms.notFound(ctx, session);
            return;
        }
        pages.render(ctx, "actors/delete", Map.of("csrf", session.csrf(), "side", side,
                "id", actor.get().path(side.idField()).asText(), "name", actor.get().path("name").asText(),
                "connections", connectionsOf(actor.get().path(side.idField()).asText())));
    }

    private void delete(Context ctx, UiSessions.Session session) {
        Optional<JsonNode> actor = actor(ctx);
        if (actor.isEmpty()) {
            forms.notFound(ctx, session);
            return;
        }
        api.call(side.call("delete"), ApiJson.MAPPER.createObjectNode().put(side.idField(),
                actor.get().path(side.idField()).asText()));
        ctx.redirect(side.path() + "?deleted", HttpStatus.SEE_OTHER);
    }

    /** The live connections that read from or write to the source or destination {@code id}. */
    private List<Link> connectionsOf(String id) {
        List<Link> links = new ArrayList<>();
        for (JsonNode c : api.call("connections/list", workspaceBody()).path("connections")) {
            if (c.path(side.idField()).asText().equals(id)) {
                links.add(new Link(c.path("connectionId").asText(), c.path("name").asText()));
            }
        }
        return links;
    }

    private ObjectNode workspaceBody() {
        return ApiJson.MAPPER.createObjectNode().put("workspaceId", forms.workspaceId());
    }

    /** The source or destination the path's {@code {id}} names, as {@code sources/get} reads it, if there is one. */
    private Optional<JsonNode> actor(Context ctx) {
        Optional<UUID> id = uuid(ctx.pathParam("id"));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(api.call(side.call("get"), ApiJson.MAPPER.createObjectNode()
                    .put(side.idField(), id.get().toString())));
        } catch (ApiException.NotFound e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> definitionId(Context ctx) {
        return uuid(ctx.pathParam("definitionId"));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The API's field errors as the form's: {@code connectionConfiguration.port} is the input {@code config.port}. */
    static Map<String, String> fieldErrors(List<ConfigError> errors) {
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (ConfigError error : errors) {
            byName.putIfAbsent(inputName(error.field()), error.problem());
        }
        return byName;
    }

    static String inputName(String apiField) {
        String prefix = "connectionConfiguration";
        if (apiField.equals(prefix)) {
            return "config";
        }
        if (apiField.startsWith(prefix + ".")) {
            return "config." + apiField.substring(prefix.length() + 1).replaceAll("\\[\\d+]", "");
        }
        return apiField;
    }
}
