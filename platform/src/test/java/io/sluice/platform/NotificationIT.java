package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications to a real local HTTP server standing in for Slack and a generic webhook: failed
 * and succeeded syncs, the auto-disable after three failures in a row, and the test call.
 */
class NotificationIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A received post: which path, and its JSON body. */
    private record Post(String path, JsonNode body) {}

    @TempDir
    Path dir;
    private HttpServer receiver;
    private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
    private SluiceServer server;
    private ApiClient api;
    private String workspaceId;
    private String definitionId;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(new Post(exchange.getRequestURI().getPath(), JSON.readTree(body)));
            int status = exchange.getRequestURI().getPath().equals("/broken") ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        Path script = dir.resolve("source.py");
        Files.writeString(script, RetryIT.SOURCE);
        server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0));
        api = new ApiClient(server.apiPort());
        workspaceId = api.ok("/api/v1/workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
        definitionId = api.ok("/api/v1/source_definitions/create_custom", """
                {"workspaceId": "%s", "sourceDefinition": {"name": "flaky", "dockerRepository": "acme/source-flaky",
                 "dockerImageTag": "0.1", "command": ["python3", "%s"]}}""".formatted(workspaceId, script))
                .path("sourceDefinitionId").asText();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private String connection(int failReads) {
        String sourceId = api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "flaky", "connectionConfiguration":
                 {"fail_reads": %d, "failure_type": "config_error", "counter": "%s", "rows": 5}}""".formatted(
                definitionId, workspaceId, failReads, dir.resolve("count-" + failReads))).path("sourceId").asText();
        String destinationId = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(ApiIT.DUCKDB, workspaceId, dir.resolve("n" + failReads + ".duckdb"))).path("destinationId")
                .asText();
        return api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "name": "orders", "scheduleType": "basic",
                 "scheduleData": {"basicSchedule": {"units": 1, "timeUnit": "hours"}}}"""
                .formatted(sourceId, destinationId)).path("connectionId").asText();
    }

    private String syncAndWait(String connectionId) {
        long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            String status = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}").path("job").path("status").asText();
            if (status.matches("succeeded|failed|cancelled")) {
                return status;
            }
            assertThat(Instant.now()).isBefore(deadline);
            ApiIT.sleep(100);
        }
    }

    private Post next() throws InterruptedException {
        Post post = posts.poll(15, TimeUnit.SECONDS);
        assertThat(post).as("a notification").isNotNull();
        return post;
    }

    private void configure() {
        api.ok("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "notificationSettings": {
                  "sendOnFailure": {"notificationType": ["slack", "webhook"],
                    "slackConfiguration": {"webhook": "%s"}, "webhookConfiguration": {"url": "%s"}},
                  "sendOnSuccess": {"notificationType": ["webhook"], "webhookConfiguration": {"url": "%s"}},
                  "sendOnSyncDisabled": {"notificationType": ["slack"], "slackConfiguration": {"webhook": "%s"}}}}"""
                .formatted(workspaceId, url("/slack"), url("/hook"), url("/success"), url("/slack")));
    }

    @Test
    void threeFailuresInARowAlertAndDisableTheConnection() throws Exception {
        configure();
        assertThat(api.ok("/api/v1/workspaces/get", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("notificationSettings").path("sendOnFailure").path("slackConfiguration").path("webhook").asText())
                .isEqualTo(url("/slack"));
        String connectionId = connection(99);
        for (int failure = 1; failure <= 3; failure++) {
            assertThat(syncAndWait(connectionId)).isEqualTo("failed");
            List<Post> alerts = List.of(next(), next());
            Post slack = alerts.stream().filter(p -> p.path().equals("/slack")).findFirst().orElseThrow();
            Post hook = alerts.stream().filter(p -> p.path().equals("/hook")).findFirst().orElseThrow();
            assertThat(slack.body().path("text").asText()).contains("orders").contains("failed")
                    .contains("read " + failure + " failed on purpose");
            assertThat(hook.body().path("event").asText()).isEqualTo("sync_failed");
            assertThat(hook.body().path("connectionId").asText()).isEqualTo(connectionId);
            assertThat(hook.body().path("errorMessage").asText()).contains("failed on purpose");
            if (failure < 3) {
                assertThat(api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                        .path("status").asText()).isEqualTo("active");
            }
        }
        Post disabled = next();
        assertThat(disabled.path()).isEqualTo("/slack");
        assertThat(disabled.body().path("text").asText()).contains("orders was disabled after 3 failed syncs in a row");
        JsonNode connection = api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}");
        assertThat(connection.path("status").asText()).isEqualTo("inactive");
        assertThat(connection.has("nextRunAt")).isFalse();
        assertThat(posts).isEmpty();
    }

    @Test
    void theWorkspacesThresholdDisablesAfterItsOwnCountAndABadOneIsRefused() throws Exception {
        ApiClient.Response refused = api.post("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "notificationSettings": {"consecutiveFailureThreshold": -1}}"""
                .formatted(workspaceId));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("notificationSettings.consecutiveFailureThreshold")
                .contains("whole number >= 0");
        api.ok("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "notificationSettings": {"consecutiveFailureThreshold": 1,
                  "sendOnSyncDisabled": {"notificationType": ["webhook"], "webhookConfiguration": {"url": "%s"}}}}"""
                .formatted(workspaceId, url("/hook")));
        String connectionId = connection(99);
        assertThat(syncAndWait(connectionId)).isEqualTo("failed");
        Post disabled = next();
        assertThat(disabled.body().path("event").asText()).isEqualTo("connection_disabled");
        assertThat(disabled.body().path("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("status").asText()).isEqualTo("inactive");
    }

    @Test
    void successIsNotifiedWhenAskedAndResetsTheFailureCount() throws Exception {
        configure();
        String connectionId = connection(2);
        assertThat(syncAndWait(connectionId)).isEqualTo("failed");
        next();
        next();
        assertThat(syncAndWait(connectionId)).isEqualTo("failed");
        next();
        next();
        assertThat(syncAndWait(connectionId)).isEqualTo("succeeded");
        Post success = next();
        assertThat(success.path()).isEqualTo("/success");
        assertThat(success.body().path("event").asText()).isEqualTo("sync_succeeded");
        assertThat(api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("status").asText()).isEqualTo("active");

        JsonNode health = api.ok("/api/v1/connections/health", "{\"connectionId\": \"" + connectionId + "\"}");
        assertThat(health.path("jobsConsidered").asInt()).isEqualTo(3);
        assertThat(health.path("failedJobs").asInt()).isEqualTo(2);
        assertThat(health.path("failureRate").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(health.path("lastSuccessfulSyncAt").asLong()).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(30L));
        assertThat(health.path("freshnessSeconds").asLong()).isBetween(0L, 30L);

        ApiClient.Response metrics = api.get("/api/v1/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        String label = "connection=\"" + connectionId + "\"";
        assertThat(metrics.text())
                .contains("sluice_records_synced_total{" + label + "} 5.0")
                .contains("sluice_sync_failures_total{" + label + ",failure_type=\"config\"} 2.0")
                .contains("sluice_sync_duration_seconds_count{" + label + ",status=\"succeeded\"} 1")
                .contains("sluice_sync_duration_seconds_count{" + label + ",status=\"failed\"} 2")
                .contains("sluice_jobs_running{" + label + "} 0.0")
                .containsPattern("sluice_bytes_synced_total\\{" + label.replace("\"", "\\\"") + "\\} [1-9]");
    }

    @Test
    void testNotificationsReachTheirTargetOrSayWhy() throws Exception {
        JsonNode ok = api.ok("/api/v1/notifications/try", """
                {"notificationType": "slack", "slackConfiguration": {"webhook": "%s"}}""".formatted(url("/slack")));
        assertThat(ok.path("status").asText()).isEqualTo("succeeded");
        assertThat(next().body().path("text").asText()).contains("test notification");

        JsonNode failed = api.ok("/api/v1/notifications/try", """
                {"notificationType": ["webhook"], "webhookConfiguration": {"url": "%s"}}""".formatted(url("/broken")));
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("message").asText()).contains("HTTP 500");
        assertThat(next().body().path("event").asText()).isEqualTo("test");

        ApiClient.Response bad = api.post("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "notificationSettings": {"sendOnFailure": {"notificationType": ["slack"],
                 "slackConfiguration": {"webhook": "not a url"}}}}""".formatted(workspaceId));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().toString()).contains("notificationSettings.sendOnFailure.slackConfiguration.webhook");
        ApiClient.Response kept = api.post("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "notificationSettings": {"sendOnSuccess": {"notificationType": [],
                 "webhookConfiguration": {"url": "ftp://example.org/hook"}}}}""".formatted(workspaceId));
        assertThat(kept.status()).as("a URL kept while its event is off is checked too").isEqualTo(422);
        assertThat(kept.json().toString()).contains("notificationSettings.sendOnSuccess.webhookConfiguration.url");
    }
}
