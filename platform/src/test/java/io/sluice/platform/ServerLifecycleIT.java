package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auth, the non-loopback guard, and a restart on the file H2 store. */
class ServerLifecycleIT {
    @TempDir
    Path dir;

    private PlatformSettings settings() {
        return PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data")).withPorts(0, 0);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requiredAuthTakesBasicOrBearerAndHealthStaysOpen() {
        try (SluiceServer server = SluiceServer.start(settings().withAuthRequired(true))) {
            ApiClient anonymous = new ApiClient(server.apiPort());
            ApiClient.Response refused = anonymous.post("/api/v1/workspaces/list", "{}");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("message").asText()).contains("Basic").contains("Bearer");
            assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
            assertThat(new ApiClient(server.uiPort()).post("/api/v1/workspaces/list", "{}").status()).isEqualTo(401);

            ApiClient admin = anonymous.withAuthorization(basic("airbyte@example.com", "password"));
            assertThat(admin.ok("/api/v1/workspaces/list", "{}").path("workspaces").size()).isEqualTo(1);
            assertThat(anonymous.withAuthorization(basic("airbyte@example.com", "wrong"))
                    .post("/api/v1/workspaces/list", "{}").status()).isEqualTo(401);

            JsonNode token = admin.ok("/api/v1/api_tokens/create", "{\"name\": \"ci\"}");
            assertThat(token.path("token").asText()).startsWith("sluice_");
            ApiClient bearer = anonymous.withAuthorization("Bearer " + token.path("token").asText());
            assertThat(bearer.post("/api/v1/workspaces/list", "{}").status()).isEqualTo(200);
            assertThat(anonymous.withAuthorization("Bearer sluice_not-a-token").post("/api/v1/workspaces/list", "{}")
                    .status()).isEqualTo(401);
            String stored = server.database().jdbi().withHandle(h ->
                    h.createQuery("select token_hash from api_token").mapTo(String.class).one());
            assertThat(stored).doesNotContain(token.path("token").asText()).hasSize(64);

            assertThat(admin.post("/api/v1/admin/update_password", "{\"password\": \"short\"}").status()).isEqualTo(422);
            admin.ok("/api/v1/admin/update_password", "{\"password\": \"a-better-passphrase\"}");
            assertThat(admin.post("/api/v1/workspaces/list", "{}").status()).isEqualTo(401);
            assertThat(anonymous.withAuthorization(basic("airbyte@example.com", "a-better-passphrase"))
                    .post("/api/v1/workspaces/list", "{}").status()).isEqualTo(200);
            assertThat(bearer.post("/api/v1/api_tokens/delete", "{\"tokenId\": \"" + token.path("tokenId").asText()
                    + "\"}").status()).isEqualTo(204);
            assertThat(bearer.post("/api/v1/workspaces/list", "{}").status()).isEqualTo(401);
        }
    }

    @Test
    void nonLoopbackBindNeedsAChangedPasswordAndThenCredentials() {
        assertThatThrownBy(() -> SluiceServer.start(settings().withBind("0.0.0.0")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("admin password")
                .hasMessageContaining("SLUICE_ADMIN_PASSWORD");
        try (SluiceServer server = SluiceServer.start(settings().withBind("0.0.0.0")
                .withAdminPassword(Optional.of("correct-horse-battery")))) {
            ApiClient api = new ApiClient(server.apiPort());
            assertThat(api.post("/api/v1/workspaces/list", "{}").status()).isEqualTo(401);
            assertThat(api.withAuthorization(basic("airbyte@example.com", "correct-horse-battery"))
                    .post("/api/v1/workspaces/list", "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void restartKeepsEverything() throws Exception {
        String connectionId;
        long jobId;
        String destinationId;
        try (SluiceServer first = SluiceServer.start(settings())) {
            ApiClient api = new ApiClient(first.apiPort());
            String workspaceId = api.ok("/api/v1/workspaces/list", "{}").path("workspaces").get(0)
                    .path("workspaceId").asText();
            destinationId = api.ok("/api/v1/destinations/create", """
                    {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "pg",
                     "connectionConfiguration": {"host": "127.0.0.1", "port": 5432, "database": "test",
                      "schema": "public", "username": "postgres", "password": "kept-secret"}}"""
                    .formatted(ApiIT.POSTGRES, workspaceId)).path("destinationId").asText();
            JsonNode sample = api.ok("/api/v1/connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                    .path("connections").get(0);
            connectionId = sample.path("connectionId").asText();
            jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                    .path("job").path("id").asLong();
            waitForSuccess(api, jobId);
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("data").resolve("secret.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (SluiceServer second = SluiceServer.start(settings())) {
            ApiClient api = new ApiClient(second.apiPort());
            assertThat(api.ok("/api/v1/workspaces/list", "{}").path("workspaces").size()).isEqualTo(1);
            assertThat(api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                    .path("name").asText()).startsWith("Sample data");
            JsonNode job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            assertThat(job.path("job").path("status").asText()).isEqualTo("succeeded");
            assertThat(job.path("attempts").get(0).path("logs").path("logLines").size()).isGreaterThan(2);
            assertThat(api.ok("/api/v1/state/get", "{\"connectionId\": \"" + connectionId + "\"}")
                    .path("stateType").asText()).isEqualTo("stream");
            assertThat(api.ok("/api/v1/destinations/check_connection", "{\"destinationId\": \"" + destinationId + "\"}")
                    .path("status").asText()).isEqualTo("succeeded");
            assertThat(api.ok("/api/v1/destinations/get", "{\"destinationId\": \"" + destinationId + "\"}")
                    .path("connectionConfiguration").path("password").asText()).isEqualTo("**********");
            long next = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                    .path("job").path("id").asLong();
            assertThat(next).isGreaterThan(jobId);
            waitForSuccess(api, next);
        }
    }

    private static void waitForSuccess(ApiClient api, long jobId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String status = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}").path("job").path("status").asText();
            if (status.equals("succeeded")) {
                return;
            }
            assertThat(status).isIn("pending", "running");
            ApiIT.sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }
}
