package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connection's status page {@code /connections/{id}}: what it links, its schedule, the Sync now,
 * Cancel, Reset and Enable/Disable buttons, and its sync history with a chart, which refreshes
 * itself ({@code /connections/{id}/history}) while a job is pending or running.
 */
final class ConnectionStatusPages implements UiArea {
    private static final Map<String, String> NOTICES = Map.of(
            "sync", "The sync has started; its progress shows below.",
            "cancel", "The job is cancelled.",
            "reset", "The reset ran: the connection's state and its data in the destination are cleared.",
            "enabled", "The connection is enabled: its schedule runs again.",
            "disabled", "The connection is disabled: its schedule starts no sync until it is enabled.");

    private final Routes api;
    private final UiPages pages;

    ConnectionStatusPages(Routes api, UiPages pages) {
        this.api = api;
        this.pages = pages;
    }

    @Override
    public void register(UiRoutes routes) {
        routes.get("/connections/{id}", this::statusPage);
        routes.get("/connections/{id}/history", this::historyFragment);
        routes.post("/connections/{id}/sync", (ctx, session) -> act(ctx, session, "sync",
                () -> api.call("connections/sync", connectionBody(ctx))));
        routes.post("/connections/{id}/cancel", (ctx, session) -> act(ctx, session, "cancel",
                () -> api.call("jobs/cancel", ApiJson.MAPPER.createObjectNode().put("id", jobId(ctx)))));
        routes.post("/connections/{id}/reset", (ctx, session) -> act(ctx, session, "reset",
                () -> api.call("connections/reset", connectionBody(ctx))));
        routes.post("/connections/{id}/toggle-enabled", (ctx, session) -> {
            boolean enable = "active".equals(ctx.formParam("status"));
            act(ctx, session, enable ? "enabled" : "disabled", () -> api.call("connections/update",
                    connectionBody(ctx).put("status", enable ? "active" : "inactive")));
        });
    }

    private void statusPage(Context ctx, UiSessions.Session session) {
        renderStatus(ctx, session, ctx.queryParam("notice") == null ? null : NOTICES.get(ctx.queryParam("notice")),
                null);
    }

    private void renderStatus(Context ctx, UiSessions.Session session, String notice, String error) {
        ConnectionView connection;
        try {
            connection = connection(api, ctx.pathParam("id"));
        } catch (ApiException.NotFound | ApiException.InvalidInput e) {
            notFound(ctx, pages, session);
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", session.csrf());
        params.put("connection", connection);
        params.put("history", history(connection.id(), shown(ctx)));
        params.put("notice", notice);
        params.put("error", error);
        pages.render(ctx, "connection/status", params);
    }

    private void historyFragment(Context ctx, UiSessions.Session session) {
        String id = ctx.pathParam("id");
        try {
            pages.render(ctx, "connection/history", Map.of("csrf", session.csrf(), "history",
                    history(connection(api, id).id(), shown(ctx))));
        } catch (ApiException.NotFound | ApiException.InvalidInput e) {
            ctx.status(HttpStatus.NOT_FOUND).result("no such connection");
        }
    }

    /** Runs a button's call, then back to the page with its notice; an API refusal shows on the page. */
    private void act(Context ctx, UiSessions.Session session, String notice, Runnable call) {
        try {
            call.run();
        } catch (ApiException.NotFound e) {
            notFound(ctx, pages, session);
            return;
        } catch (ApiException e) {
            ctx.status(e instanceof ApiException.Conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
            renderStatus(ctx, session, null, refusal(e));
            return;
        }
        ctx.redirect("/connections/" + ctx.pathParam("id") + "?notice=" + notice, HttpStatus.SEE_OTHER);
    }

    private static String refusal(ApiException e) {
        if (e instanceof ApiException.Conflict) {
            return "Not done: " + e.getMessage() + ".";
        }
        return "Not done: " + e.getMessage();
    }

    private SyncHistory history(String connectionId, int shown) {
        ObjectNode body = ApiJson.MAPPER.createObjectNode().put("configId", connectionId);
        body.putArray("configTypes").add("sync").add("reset_connection");
        body.putObject("pagination").put("pageSize", shown).put("rowOffset", 0);
        JsonNode list = api.call("jobs/list", body);
        Instant now = Instant.now();
        List<SyncRun> runs = new ArrayList<>();
        for (JsonNode job : list.path("jobs")) {
            List<JsonNode> attempts = new ArrayList<>();
            job.path("attempts").forEach(attempts::add);
            runs.add(SyncRun.of(job.path("job"), attempts, now));
        }
        return new SyncHistory(connectionId, runs, list.path("totalJobCount").asLong(), shown);
    }

    private static int shown(Context ctx) {
        try {
            int jobs = Integer.parseInt(ctx.queryParamAsClass("jobs", String.class).getOrDefault("10"));
            return Math.clamp(jobs, 1, 500);
        } catch (NumberFormatException e) {
            return SyncHistory.PAGE;
        }
    }

    private static long jobId(Context ctx) {
        try {
            return Long.parseLong(String.valueOf(ctx.formParam("jobId")));
        } catch (NumberFormatException e) {
            throw new ApiException.InvalidInput("id", "is not a job id");
        }
    }

    private static ObjectNode connectionBody(Context ctx) {
        return ApiJson.MAPPER.createObjectNode().put("connectionId", ctx.pathParam("id"));
    }

    /** The connection with its source's and destination's names; NotFound (or InvalidInput for a bad id). */
    static ConnectionView connection(Routes api, String id) {
        validId(id);
        JsonNode connection = api.call("connections/get", ApiJson.MAPPER.createObjectNode().put("connectionId", id));
        JsonNode source = api.call("sources/get", ApiJson.MAPPER.createObjectNode()
                .put("sourceId", connection.path("sourceId").asText()));
        JsonNode destination = api.call("destinations/get", ApiJson.MAPPER.createObjectNode()
                .put("destinationId", connection.path("destinationId").asText()));
        return ConnectionView.of(connection, source, destination);
    }

    private static void validId(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException.NotFound("connection", id);
        }
    }

    static void notFound(Context ctx, UiPages pages, UiSessions.Session session) {
        ctx.status(HttpStatus.NOT_FOUND);
        pages.render(ctx, "connection/missing", Map.of("csrf", session.csrf()));
    }
}
