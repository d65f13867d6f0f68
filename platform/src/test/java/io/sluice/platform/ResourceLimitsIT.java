package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resource limits through the API: {@code resourceRequirements} on connections, the workspace's
 * {@code defaultResourceRequirements} and {@code engineMemoryBudget}, bad quantities refused by
 * field, and a custom Python source killed over the workspace's memory limit (then allowed by the
 * connection's own). On each metadata store, H2 and PostgreSQL.
 */
class ResourceLimitsIT {
    /** Holds 8 MiB more every 50 ms up to 160 MiB, then sends one record. */
    private static final String HOG = """
            import json, sys, time

            def emit(message):
                print(json.dumps(message), flush=True)

            command = sys.argv[1]
            if command == "spec":
                emit({"type": "SPEC", "spec": {"connectionSpecification": {"type": "object", "properties": {}}}})
            elif command == "check":
                emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED"}})
            elif command == "discover":
                emit({"type": "CATALOG", "catalog": {"streams": [{"name": "hoard", "json_schema": {"type": "object",
                      "properties": {"mib": {"type": "integer"}}}, "supported_sync_modes": ["full_refresh"]}]}})
            elif command == "read":
                hoard = []
                for step in range(20):
                    hoard.append(b"x" * (8 << 20))
                    time.sleep(0.05)
                emit({"type": "RECORD", "record": {"stream": "hoard", "emitted_at": 0, "data": {"mib": 8 * len(hoard)}}})
            """;

    @TempDir
    Path dir;
    private ApiClient api;
    private String workspaceId;

    /** A server on the named metadata store, with a fresh database for PostgreSQL. */
    private record Server(SluiceServer server, Optional<PostgresDatabase> database) implements AutoCloseable {
        static Server on(String store, Path dataDir) {
            Optional<PostgresDatabase> database = store.equals("postgresql")
                    ? Optional.of(new PostgresDatabase()) : Optional.empty();
            PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of()).withDataDir(dataDir).withPorts(0, 0)
                    .withDatabaseUrl(database.map(PostgresDatabase::libpqUrl));
            return new Server(SluiceServer.start(settings), database);
        }

        @Override
        public void close() {
            server.close();
            database.ifPresent(PostgresDatabase::close);
        }
    }

    private Server start(String store) {
        Server started = Server.on(store, dir.resolve("data"));
        api = new ApiClient(started.server().apiPort());
        workspaceId = api.ok("/api/v1/workspaces/list", "").path("workspaces").get(0).path("workspaceId").asText();
        return started;
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void connectionsKeepTheirResourceRequirementsAndBudgetAndRefuseBadQuantities(String store) throws Exception {
        try (Server server = start(store)) {
            roundTrip();
        }
    }

    private void roundTrip() throws Exception {
        String[] actors = hogAndDuckDb("round-trip");
        ApiClient.Response bad = api.post("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "engineMemoryBudget": "8Mi",
                 "resourceRequirements": {"cpu_limit": "fast", "memory_limit": "512MB"}}""".formatted(actors[0], actors[1]));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("validationErrors").findValuesAsText("propertyPath")).containsExactlyInAnyOrder(
                "resourceRequirements.cpu_limit", "resourceRequirements.memory_limit", "engineMemoryBudget");
        assertThat(bad.text()).contains("must be a memory size such as \\\"512Mi\\\", \\\"1Gi\\\" or \\\"500M\\\""
                + " (got \\\"512MB\\\")").contains("must be at least 16Mi");

        JsonNode created = api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "engineMemoryBudget": 64,
                 "resourceRequirements": {"cpu_request": "0.25", "cpu_limit": "500m", "memory_request": "256Mi",
                                          "memory_limit": "1Gi"}}""".formatted(actors[0], actors[1]));
        String connectionId = created.path("connectionId").asText();
        JsonNode read = api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}");
        assertThat(read.path("resourceRequirements")).isEqualTo(ApiClient.JSON.readTree(
                "{\"cpu_request\": \"0.25\", \"cpu_limit\": \"500m\", \"memory_request\": \"256Mi\","
                        + " \"memory_limit\": \"1Gi\"}"));
        assertThat(read.path("engineMemoryBudget").asText()).isEqualTo("64Mi");

        JsonNode updated = api.ok("/api/v1/connections/update", """
                {"connectionId": "%s", "engineMemoryBudget": "1Gi", "resourceRequirements": {"memory_limit": "2Gi"}}
                """.formatted(connectionId));
        assertThat(updated.path("resourceRequirements").toString()).isEqualTo("{\"memory_limit\":\"2Gi\"}");
        assertThat(updated.path("engineMemoryBudget").asText()).isEqualTo("1Gi");
        ApiClient.Response badUpdate = api.post("/api/v1/connections/update", """
                {"connectionId": "%s", "resourceRequirements": {"memory_limit": "-1Gi"}}""".formatted(connectionId));
        assertThat(badUpdate.status()).isEqualTo(422);
        assertThat(api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("resourceRequirements").toString()).isEqualTo("{\"memory_limit\":\"2Gi\"}");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aSourceOverTheWorkspacesMemoryLimitFailsItsJobSayingSoUntilTheConnectionRaisesIt(String store) {
        try (Server server = start(store)) {
            killedThenAllowed();
        }
    }

    private void killedThenAllowed() {
        ApiClient.Response bad = api.post("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "defaultResourceRequirements": {"memory_limit": "64 MB"}}""".formatted(workspaceId));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("validationErrors").findValuesAsText("propertyPath"))
                .containsExactly("defaultResourceRequirements.memory_limit");
        JsonNode workspace = api.ok("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "defaultResourceRequirements": {"cpu_limit": "2", "memory_limit": "64Mi"},
                 "engineMemoryBudget": "128Mi"}""".formatted(workspaceId));
        assertThat(workspace.path("defaultResourceRequirements").toString())
                .isEqualTo("{\"cpu_limit\":\"2\",\"memory_limit\":\"64Mi\"}");
        JsonNode read = api.ok("/api/v1/workspaces/get", "{\"workspaceId\": \"" + workspaceId + "\"}");
        assertThat(read.path("engineMemoryBudget").asText()).isEqualTo("128Mi");
        assertThat(read.path("defaultResourceRequirements")).isEqualTo(workspace.path("defaultResourceRequirements"));

        String[] actors = hogAndDuckDb("killed");
        String connectionId = api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s"}""".formatted(actors[0], actors[1])).path("connectionId").asText();
        JsonNode failed = syncToTheEnd(connectionId);
        assertThat(failed.path("job").path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("attempts")).hasSize(1); // CONFIG: not retried
        JsonNode failure = failed.path("attempts").get(0).path("attempt").path("failureSummary").path("failures").get(0);
        assertThat(failure.path("failureType").asText()).isEqualTo("config_error");
        assertThat(failure.path("failureOrigin").asText()).isEqualTo("source");
        assertThat(failure.path("externalMessage").asText()).startsWith("the source connector hog used ")
                .endsWith("over its memory limit of 64 MiB, and was stopped (what Docker reports as OOMKilled);"
                        + " raise memory_limit in the connection's resource requirements");

        api.ok("/api/v1/connections/update", """
                {"connectionId": "%s", "resourceRequirements": {"memory_limit": "1Gi"}}""".formatted(connectionId));
        JsonNode succeeded = syncToTheEnd(connectionId);
        assertThat(succeeded.path("job").path("status").asText()).as(succeeded.toString()).isEqualTo("succeeded");
        assertThat(succeeded.path("attempts").get(0).path("attempt").path("recordsSynced").asLong()).isEqualTo(1);
        assertThat(succeeded.path("attempts").get(0).path("logs").toString())
                .contains("the queue held at most").contains("bound 64 MiB, half the memory budget");

        JsonNode cleared = api.ok("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "defaultResourceRequirements": {}, "engineMemoryBudget": ""}""".formatted(workspaceId));
        assertThat(cleared.path("defaultResourceRequirements").toString()).isEqualTo("{}");
        assertThat(cleared.has("engineMemoryBudget")).isFalse();
    }

    /** A custom definition running {@link #HOG}, a source of it and a DuckDB destination: their ids. */
    private String[] hogAndDuckDb(String name) {
        Path script = dir.resolve(name + ".py");
        try {
            Files.writeString(script, HOG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String definitionId = api.ok("/api/v1/source_definitions/create_custom", """
                {"workspaceId": "%s", "sourceDefinition": {"name": "hog", "dockerRepository": "acme/source-hog",
                 "dockerImageTag": "0.1", "command": ["python3", "%s"]}}""".formatted(workspaceId, script))
                .path("sourceDefinitionId").asText();
        String sourceId = api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "hog", "connectionConfiguration": {}}"""
                .formatted(definitionId, workspaceId)).path("sourceId").asText();
        String destinationId = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(ApiIT.DUCKDB, workspaceId, dir.resolve(name + ".duckdb"))).path("destinationId").asText();
        return new String[] {sourceId, destinationId};
    }

    /** Starts a sync and returns its job once it has ended (or after a minute, as it is then). */
    private JsonNode syncToTheEnd(String connectionId) {
        String job = "{\"id\": " + api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong() + "}";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (JsonNode info = api.ok("/api/v1/jobs/get", job); ; info = api.ok("/api/v1/jobs/get", job)) {
            if (Set.of("succeeded", "failed", "cancelled").contains(info.path("job").path("status").asText())
                    || System.nanoTime() > deadline) {
                return info;
            }
            ApiIT.sleep(200);
        }
    }
}
