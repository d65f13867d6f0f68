package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the settings pages over plain HTTP, on a server whose API requires credentials
 * ({@code SLUICE_AUTH_REQUIRED}): what each page shows, and what each form changes as the Config API
 * answers it afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiSettingsIT {
    static final String EMAIL = "admin@example.org";
    static final String PASSWORD = "correct horse 1";
    static final ObjectMapper JSON = new ObjectMapper();

    SluiceServer server;
    UiBrowser browser;
    String csrf;
    String workspaceId;
    String connectionId;
    HttpServer receiver;
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0).withAuthRequired(true));
        browser = new UiBrowser(server.uiPort());
        String setupCsrf = browser.csrf("/setup");
        HttpResponse<String> done = browser.post("/setup", new HashMap<>(Map.of("_csrf", setupCsrf,
                "adminEmail", EMAIL, "password", PASSWORD, "confirmPassword", PASSWORD, "notificationEmail", "",
                "dataResidency", "eu", "anonymousUsageStats", "false")));
        assertThat(UiBrowser.location(done)).isEqualTo("/");
        csrf = browser.csrf("/");
        workspaceId = api("workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
        connectionId = api("connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}").path("connections").get(0)
                .path("connectionId").asText();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theDashboardListsTheSampleConnectionBeforeItsFirstSync() {
        String page = ok("/");
        assertThat(page).contains("id=\"dashboard-summary\"", "1 connection, 0 failing")
                .contains("href=\"/connections/" + connectionId + "\">Sample data \u2192 DuckDB</a>");
        String row = row(page);
        assertThat(row).contains(">active<", "never synced", "no successful sync yet", ">manual<",
                "no finished syncs yet");
    }

    @Test
    @Order(2)
    void afterASyncTheDashboardShowsItsOutcomeFreshnessAndTheNextRun() throws InterruptedException {
        long jobId = api("connections/sync", "{\"connectionId\": \"" + connectionId + "\"}").path("job").path("id")
                .asLong();
        awaitJob(jobId);
        api("connections/update", """
                {"connectionId": "%s", "scheduleType": "basic",
                 "scheduleData": {"basicSchedule": {"units": 3, "timeUnit": "hours"}}}""".formatted(connectionId));
        String row = row(ok("/"));
        assertThat(row).contains("🟢 succeeded", "less than a minute ago", "0 of 1 recent sync failed");
        assertThat(row).contains(">in 3 hours<");
        api("connections/update", "{\"connectionId\": \"" + connectionId + "\", \"scheduleType\": \"manual\"}");
        assertThat(row(ok("/"))).contains(">manual<");
    }

    @Test
    @Order(3)
    void settingsHasAnOverviewAndEverySection() {
        String overview = ok("/settings");
        assertThat(overview).contains("<h1>Settings</h1>", "Default Workspace", "No API tokens.",
                "None set: the server's environment decides", "Off.", "href=\"/account/password\"");
        for (String section : new String[] {"workspace", "notifications", "resources", "tokens"}) {
            assertThat(ok("/settings/" + section)).contains("href=\"/settings/" + section + "\" aria-current=\"page\"");
        }
    }

    @Test
    @Order(4)
    void renamingTheWorkspaceIsSeenByTheApi() {
        HttpResponse<String> saved = browser.post("/settings/workspace", form("name", "Analytics",
                "namespaceDefinition", "customformat", "namespaceFormat", "${SOURCE_NAMESPACE}_raw"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(UiBrowser.location(saved)).isEqualTo("/settings/workspace?saved");
        JsonNode workspace = workspace();
        assertThat(workspace.path("name").asText()).isEqualTo("Analytics");
        assertThat(workspace.path("namespaceDefinition").asText()).isEqualTo("customformat");
        assertThat(workspace.path("namespaceFormat").asText()).isEqualTo("${SOURCE_NAMESPACE}_raw");
        assertThat(ok("/settings/workspace?saved")).contains("The workspace settings are saved.",
                "value=\"Analytics\"", "<option value=\"customformat\" selected>");

        HttpResponse<String> missing = browser.post("/settings/workspace", form("name", "Other",
                "namespaceDefinition", "customformat", "namespaceFormat", ""));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("id=\"namespaceFormat-error\"", "aria-describedby=\"namespaceFormat-error\"",
                "Enter the custom format")
                .contains("value=\"Other\"");
        HttpResponse<String> blank = browser.post("/settings/workspace", form("name", " ",
                "namespaceDefinition", "source", "namespaceFormat", ""));
        assertThat(blank.body()).contains("id=\"name-error\"", "Enter a name for the workspace.");
        assertThat(workspace().path("name").asText()).as("nothing changed").isEqualTo("Analytics");
    }

    @Test
    @Order(5)
    void notificationsAreSavedAndReadBackThroughTheApi() {
        HttpResponse<String> saved = browser.post("/settings/notifications", form(
                "slackWebhook", "https://hooks.slack.example/services/T0/B0/x", "webhookUrl", receiverUrl("/hook"),
                "sendOnFailure", "on", "sendOnSyncDisabled", "on"));
        assertThat(UiBrowser.location(saved)).isEqualTo("/settings/notifications?saved");
        JsonNode settings = workspace().path("notificationSettings");
        assertThat(settings.path("sendOnFailure").path("notificationType").toString()).isEqualTo("[\"slack\",\"webhook\"]");
        assertThat(settings.path("sendOnFailure").path("slackConfiguration").path("webhook").asText())
                .isEqualTo("https://hooks.slack.example/services/T0/B0/x");
        assertThat(settings.path("sendOnFailure").path("webhookConfiguration").path("url").asText())
                .isEqualTo(receiverUrl("/hook"));
        assertThat(settings.path("sendOnSyncDisabled").path("notificationType")).hasSize(2);
        assertThat(settings.path("sendOnSuccess").path("notificationType")).as("off, URLs kept").isEmpty();
        String page = ok("/settings/notifications?saved");
        assertThat(page).contains("The notification settings are saved.",
                "value=\"https://hooks.slack.example/services/T0/B0/x\"", "value=\"" + receiverUrl("/hook") + "\"")
                .containsPattern("id=\"sendOnFailure\"[^>]* checked").doesNotContainPattern("id=\"sendOnSuccess\"[^>]* checked");

        HttpResponse<String> bad = browser.post("/settings/notifications", form("slackWebhook", "not a url",
                "webhookUrl", "", "sendOnSuccess", "on"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"slackWebhook-error\"", "Must be an http(s) URL.");
        HttpResponse<String> nowhere = browser.post("/settings/notifications", form("slackWebhook", "",
                "webhookUrl", "", "sendOnSuccess", "on"));
        assertThat(nowhere.body()).contains("id=\"slackWebhook-error\"", "Enter a Slack webhook URL or a webhook URL");
        assertThat(workspace().path("notificationSettings")).as("nothing changed").isEqualTo(settings);
    }

    @Test
    @Order(6)
    void theTestButtonPostsToTheWebhookOrSaysWhyNot() throws Exception {
        HttpResponse<String> sent = browser.htmxPost("/settings/notifications/test",
                Map.of("webhookUrl", receiverUrl("/test"), "slackWebhook", ""), csrf);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body().strip()).startsWith("<p id=\"test-result\"").contains(">sent<")
                .doesNotContain("<html");
        JsonNode message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("the test message").isNotNull();
        assertThat(message.path("event").asText()).isEqualTo("test");
        assertThat(message.path("text").asText()).contains("test notification");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpResponse<String> unreachable = browser.post("/settings/notifications/test",
                form("webhookUrl", "http://127.0.0.1:" + closed + "/hook", "slackWebhook", ""));
        assertThat(unreachable.body()).contains("<h1>Notifications</h1>", "id=\"test-result\"", "Not sent: webhook: ")
                .doesNotContain("webhook: null");
        assertThat(browser.htmxPost("/settings/notifications/test", Map.of("webhookUrl", "", "slackWebhook", ""), csrf)
                .body()).contains("Enter a Slack webhook URL or a webhook URL to test first.");
        assertThat(received).isEmpty();
    }

    @Test
    @Order(7)
    void aBadQuantityShowsBesideItsFieldAndChangesNothing() {
        HttpResponse<String> saved = browser.post("/settings/resources", form("cpu_request", "0.25", "cpu_limit", "1",
                "memory_request", "256Mi", "memory_limit", "1Gi", "engineMemoryBudget", "512Mi"));
        assertThat(UiBrowser.location(saved)).isEqualTo("/settings/resources?saved");
        JsonNode workspace = workspace();
        assertThat(workspace.path("defaultResourceRequirements").path("memory_limit").asText()).isEqualTo("1Gi");
        assertThat(workspace.path("defaultResourceRequirements").path("cpu_request").asText()).isEqualTo("0.25");
        assertThat(workspace.path("engineMemoryBudget").asText()).isEqualTo("512Mi");

        HttpResponse<String> bad = browser.post("/settings/resources", form("cpu_request", "", "cpu_limit", "2",
                "memory_request", "", "memory_limit", "512MB", "engineMemoryBudget", "512Mi"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"memory_limit-error\"", "512MB", "aria-describedby=\"memory_limit-error\"")
                .doesNotContain("id=\"cpu_limit-error\"");
        assertThat(workspace().path("defaultResourceRequirements")).isEqualTo(workspace.path("defaultResourceRequirements"));
        assertThat(ok("/settings")).contains("CPU request 0.25, CPU limit 1, memory request 256Mi, memory limit 1Gi,"
                + " engine memory budget 512Mi.", "Failed syncs and disabled connections go to Slack and the webhook.");

        browser.post("/settings/resources", form("cpu_request", "", "cpu_limit", "", "memory_request", "",
                "memory_limit", "", "engineMemoryBudget", ""));
        assertThat(workspace().path("defaultResourceRequirements").size()).as("cleared").isZero();
        assertThat(workspace().has("engineMemoryBudget")).isFalse();
    }

    @Test
    @Order(8)
    void aTokenIsShownOnceWorksAsABearerTokenAndStopsWorkingWhenRevoked() throws Exception {
        assertThat(browser.post("/settings/tokens", form("tokenName", "")).body()).contains("id=\"tokenName-error\"");
        HttpResponse<String> created = browser.post("/settings/tokens", form("tokenName", "grafana"));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("<code id=\"new-token\">(sluice_[A-Za-z0-9_-]+)</code>").matcher(created.body());
        assertThat(m.find()).as("the new token on the page").isTrue();
        String token = m.group(1);
        assertThat(created.body()).contains("it will not be shown again");

        String list = ok("/settings/tokens");
        assertThat(list).contains("id=\"api-tokens\"", "grafana").doesNotContain(token).doesNotContain("new-token\"");
        assertThat(bearer(token, "workspaces/list").statusCode()).isEqualTo(200);
        String tokenId = api("api_tokens/list", "{}").path("apiTokens").get(0).path("tokenId").asText();
        assertThat(list).contains("id=\"revoke-" + tokenId + "\"");

        String confirm = ok("/settings/tokens/" + tokenId + "/revoke");
        assertThat(confirm).contains("Revoke the token “grafana”?", "id=\"confirm-revoke\"");
        assertThat(bearer(token, "workspaces/list").statusCode()).as("asking is not revoking").isEqualTo(200);
        HttpResponse<String> revoked = browser.post("/settings/tokens/" + tokenId + "/revoke", form());
        assertThat(UiBrowser.location(revoked)).isEqualTo("/settings/tokens?revoked=grafana");
        assertThat(ok("/settings/tokens?revoked=grafana")).contains("The token grafana is revoked")
                .doesNotContain("id=\"revoke-" + tokenId + "\"");
        assertThat(bearer(token, "workspaces/list").statusCode()).isEqualTo(401);
        assertThat(api("api_tokens/list", "{}").path("apiTokens")).isEmpty();
    }

    private String ok(String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    /** The dashboard's row of the sample connection. */
    private String row(String page) {
        Matcher m = Pattern.compile("<tr id=\"connection-" + connectionId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("the sample connection's row").isTrue();
        return m.group(1);
    }

    private Map<String, String> form(String... pairs) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private JsonNode workspace() {
        return api("workspaces/get", "{\"workspaceId\": \"" + workspaceId + "\"}");
    }

    private void awaitJob(long jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status = "";
        while (!status.equals("succeeded")) {
            assertThat(status).as("job " + jobId).isNotIn("failed", "cancelled");
            assertThat(Instant.now()).as("job " + jobId + " still " + status).isBefore(deadline);
            Thread.sleep(100);
            status = api("jobs/get", "{\"id\": " + jobId + "}").path("job").path("status").asText();
        }
    }

    /** A Config API call with the admin's Basic credentials (the server requires them). */
    private JsonNode api(String call, String body) {
        HttpResponse<String> response = send(call, body, "Basic " + Base64.getEncoder()
                .encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> bearer(String token, String call) {
        return send(call, "{}", "Bearer " + token);
    }

    private HttpResponse<String> send(String call, String body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.apiPort() + "/api/v1/" + call))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
