package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connections area: the list ({@code /connections}), the new-connection flow (pick a source
 * and a destination at {@code /connections/new}, then the stream table and settings at
 * {@code /connections/new/streams?sourceId=..&destinationId=..}, posted to {@code /connections/new})
 * and an existing connection's settings ({@code /connections/{id}/settings}). Every read and change
 * goes through the Config API's calls; the form's state between steps travels in query parameters
 * and form fields, none is kept on the server.
 */
final class ConnectionPages implements UiArea {
    private final Routes api;
    private final UiPages pages;
    private final ConnectionEditors editors;
    private final ConnectionSettingsPage settings;

    ConnectionPages(Routes api, UiPages pages) {
        this.api = api;
        this.pages = pages;
        this.editors = new ConnectionEditors(api);
        this.settings = new ConnectionSettingsPage(api, pages, editors);
    }

    /**
     * Javalin matches endpoints in the order they are added: this area must be registered before
     * one that adds {@code /connections/{id}}, or that path takes {@code /connections/new}.
     */
    @Override
    public void register(UiRoutes routes) {
        routes.get("/connections", this::list);
        routes.get("/connections/new", this::pick);
        routes.get("/connections/new/streams", this::streams);
        routes.post("/connections/new", this::create);
        routes.get("/connections/{id}/settings", settings::show);
        routes.post("/connections/{id}/settings", settings::save);
        routes.post("/connections/{id}/settings/refresh", settings::refresh);
    }

    private void list(Context ctx, UiSessions.Session session) {
        String workspaceId = ConnectionEditors.workspaceId(api);
        Map<String, String> sources = names(api.call("sources/list", workspace(workspaceId)), "sources", "sourceId");
        Map<String, String> destinations = names(api.call("destinations/list", workspace(workspaceId)),
                "destinations", "destinationId");
        List<ConnectionListRow> rows = new ArrayList<>();
        for (JsonNode c : api.call("connections/list", workspace(workspaceId)).path("connections")) {
            if (c.path("status").asText().equals("deprecated")) {
                continue;
            }
            rows.add(new ConnectionListRow(c.path("connectionId").asText(), c.path("name").asText(),
                    sources.getOrDefault(c.path("sourceId").asText(), "(deleted source)"),
                    destinations.getOrDefault(c.path("destinationId").asText(), "(deleted destination)"),
                    c.path("status").asText().equals("active"), ScheduleForm.of(c).describe()));
        }
        pages.render(ctx, "connections/list", Map.of("csrf", session.csrf(), "connections", rows));
    }

    private void pick(Context ctx, UiSessions.Session session) {
        String workspaceId = ConnectionEditors.workspaceId(api);
        List<ActorChoice> sources = actors(api.call("sources/list", workspace(workspaceId)), "sources", "source");
        List<ActorChoice> destinations = actors(api.call("destinations/list", workspace(workspaceId)), "destinations",
                "destination");
        Map<String, Object> params = new HashMap<>(Map.of("csrf", session.csrf(), "sources", sources,
                "destinations", destinations));
        params.put("sourceId", Optional.ofNullable(ctx.queryParam("sourceId")).orElse(""));
        params.put("destinationId", Optional.ofNullable(ctx.queryParam("destinationId")).orElse(""));
        pages.render(ctx, "connections/new", params);
    }

    private void streams(Context ctx, UiSessions.Session session) {
        String sourceId = Optional.ofNullable(ctx.queryParam("sourceId")).orElse("");
        String destinationId = Optional.ofNullable(ctx.queryParam("destinationId")).orElse("");
        Optional<ConnectionEditor> editor = editors.forNew(sourceId, destinationId, Optional.empty(),
                ConnectionFormErrors.NONE, Optional.empty());
        if (editor.isEmpty()) {
            ctx.redirect("/connections/new", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, session, editor.get());
    }

    private void create(Context ctx, UiSessions.Session session) {
        Map<String, List<String>> posted = ctx.formParamMap();
        String sourceId = ScheduleForm.first(posted, "sourceId");
        String destinationId = ScheduleForm.first(posted, "destinationId");
        ConnectionForm form = ConnectionForm.from(posted);
        List<StreamChoice> choices = StreamChoices.parse(posted);
        ObjectNode body = ApiJson.MAPPER.createObjectNode().put("sourceId", sourceId).put("destinationId", destinationId);
        form.writeTo(body);
        body.set("syncCatalog", StreamChoices.syncCatalog(choices));
        try {
            JsonNode created = api.call("connections/create", body);
            ctx.redirect("/connections/" + created.path("connectionId").asText(), HttpStatus.SEE_OTHER);
        } catch (ApiException.InvalidInput e) {
            ConnectionFormErrors errors = ConnectionFormErrors.of(e.errors(), choices);
            Optional<ConnectionEditor> editor = editors.forNew(sourceId, destinationId,
                    Optional.of(new ConnectionEditors.Posted(form, choices)), errors, Optional.empty());
            if (editor.isEmpty()) {
                ctx.redirect("/connections/new", HttpStatus.SEE_OTHER);
                return;
            }
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, session, editor.get());
        }
    }

    private void render(Context ctx, UiSessions.Session session, ConnectionEditor editor) {
        pages.render(ctx, "connections/editor", Map.of("csrf", session.csrf(), "editor", editor));
    }

    private static ObjectNode workspace(String workspaceId) {
        return ApiJson.MAPPER.createObjectNode().put("workspaceId", workspaceId);
    }

    private static Map<String, String> names(JsonNode list, String array, String idField) {
        Map<String, String> names = new HashMap<>();
        list.path(array).forEach(a -> names.put(a.path(idField).asText(), a.path("name").asText()));
        return names;
    }

    private static List<ActorChoice> actors(JsonNode list, String array, String side) {
        List<ActorChoice> actors = new ArrayList<>();
        list.path(array).forEach(a -> actors.add(new ActorChoice(a.path(side + "Id").asText(), a.path("name").asText(),
                a.path(side + "Name").asText())));
        return actors;
    }
}
