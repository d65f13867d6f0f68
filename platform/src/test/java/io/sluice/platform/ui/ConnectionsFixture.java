package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.connectors.ConnectorDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A server for the connections UI tests: set up (admin signed in through the wizard), with a
 * faker source ({@code count} 50) and a DuckDB destination in a temp folder created through the
 * Config API, beside the sample connection every new installation has.
 */
final class ConnectionsFixture implements AutoCloseable {
    static final String EMAIL = "admin@example.org";
    static final String PASSWORD = "correct horse 1";

    final SluiceServer server;
    final String workspaceId;
    final String sourceId;
    final String destinationId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConnectionsFixture(Path dir) {
        server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0));
        workspaceId = api("workspaces/list", "{}").path("workspaces").path(0).path("workspaceId").asText();
        sourceId = api("sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "faker",
                 "connectionConfiguration": {"count": 50, "seed": 7}}""".formatted(
                ConnectorDefinition.builtInId(ActorType.SOURCE, "source-faker"), workspaceId)).path("sourceId").asText();
        destinationId = api("destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s"}}""".formatted(
                ConnectorDefinition.builtInId(ActorType.DESTINATION, "destination-duckdb"), workspaceId,
                dir.resolve("ui.duckdb").toString().replace("\\", "\\\\"))).path("destinationId").asText();
    }

    /** Runs the first-run setup with a new browser, which is signed in afterwards. */
    UiBrowser signedIn() {
        UiBrowser browser = new UiBrowser(server.uiPort());
        String csrf = browser.csrf("/setup");
        Map<String, String> form = new HashMap<>(Map.of("adminEmail", EMAIL, "password", PASSWORD,
                "confirmPassword", PASSWORD, "notificationEmail", "", "dataResidency", "eu",
                "anonymousUsageStats", "false", "_csrf", csrf));
        HttpResponse<String> done = browser.post("/setup", form);
        assertThat(done.statusCode()).as("setup").isEqualTo(303);
        return browser;
    }

    /** POSTs to {@code /api/v1/<call>} on the API port; expects a 200 or 204 (then null). */
    JsonNode api(String call, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.apiPort() + "/api/v1/" + call))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(call + ": " + response.body()).isIn(200, 204);
            return response.statusCode() == 204 ? null : ApiJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int connectionCount() {
        return api("connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}").path("connections").size();
    }

    @Override
    public void close() {
        server.close();
    }
}
