package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The dashboard ({@code /}): every connection of every workspace with its last sync, data freshness,
 * next scheduled run and recent failure rate, read through the Config API's calls
 * ({@code connections/list}, {@code jobs/list}, {@code connections/health}).
 */
final class DashboardPage implements UiArea {
    private final Routes api;
    private final UiPages pages;
    private final Clock clock;

    DashboardPage(Routes api, UiPages pages, Clock clock) {
        this.api = api;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void register(UiRoutes routes) {
        routes.get("/", this::show);
    }

    private void show(Context ctx, UiSessions.Session session) {
        List<DashboardRow> rows = rows();
        pages.render(ctx, "settings/dashboard", Map.of("csrf", session.csrf(), "connections", rows,
                "failing", rows.stream().filter(DashboardRow::failing).count()));
    }

    private List<DashboardRow> rows() {
        List<DashboardRow> rows = new ArrayList<>();
        for (JsonNode workspace : api.call("workspaces/list", object()).path("workspaces")) {
            JsonNode connections = api.call("connections/list",
                    object().put("workspaceId", workspace.path("workspaceId").asText())).path("connections");
            for (JsonNode connection : connections) {
                rows.add(row(connection));
            }
        }
        return rows;
    }

    private DashboardRow row(JsonNode connection) {
        String id = connection.path("connectionId").asText();
        ObjectNode jobQuery = object().put("configId", id);
        jobQuery.putArray("configTypes").add("sync").add("reset_connection");
        jobQuery.putObject("pagination").put("pageSize", 1);
        JsonNode latest = api.call("jobs/list", jobQuery).path("jobs").path(0).path("job");
        String lastSync = latest.path("status").asText("none");
        JsonNode health = api.call("connections/health", object().put("connectionId", id));
        OptionalLong freshness = health.has("freshnessSeconds")
                ? OptionalLong.of(health.path("freshnessSeconds").asLong()) : OptionalLong.empty();
        Optional<Instant> nextRunAt = connection.has("nextRunAt")
                ? Optional.of(Instant.ofEpochSecond(connection.path("nextRunAt").asLong())) : Optional.empty();
        return new DashboardRow(id, connection.path("name").asText(), connection.path("status").asText(), lastSync,
                HealthWording.lastSync(lastSync), HealthWording.freshness(freshness),
                HealthWording.nextRun(connection.path("scheduleType").asText("manual"), nextRunAt, clock.instant()),
                HealthWording.failureRate(health.path("failedJobs").asLong(), health.path("jobsConsidered").asLong()));
    }

    private static ObjectNode object() {
        return ApiJson.MAPPER.createObjectNode();
    }
}
