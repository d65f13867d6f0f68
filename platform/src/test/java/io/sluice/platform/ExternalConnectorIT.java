package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom source definition pointing to a Python Airbyte-protocol executable: spec, check with its
 * secret (decrypted only for the connector), and a sync into DuckDB, all through the API.
 */
class ExternalConnectorIT {
    private static final String SOURCE = """
            import json, sys

            def emit(message):
                print(json.dumps(message), flush=True)

            def arg(name):
                return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None

            command = sys.argv[1]
            if command == "spec":
                emit({"type": "SPEC", "spec": {"connectionSpecification": {"type": "object",
                      "required": ["rows", "api_key"], "properties": {"rows": {"type": "integer", "minimum": 1},
                      "api_key": {"type": "string", "airbyte_secret": True}}}}})
            elif command == "check":
                config = json.load(open(arg("--config")))
                ok = config["api_key"] == "let-me-in"
                emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED" if ok else "FAILED",
                      "message": "ok" if ok else "wrong api_key"}})
            elif command == "discover":
                emit({"type": "CATALOG", "catalog": {"streams": [{"name": "things", "json_schema": {"type": "object",
                      "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
                      "supported_sync_modes": ["full_refresh"], "source_defined_primary_key": [["id"]]}]}})
            elif command == "read":
                config = json.load(open(arg("--config")))
                for i in range(1, config["rows"] + 1):
                    emit({"type": "RECORD", "record": {"stream": "things", "emitted_at": 0,
                          "data": {"id": i, "name": "thing %d" % i}}})
            """;

    @TempDir
    Path dir;

    @Test
    void customExecutableSourceChecksAndSyncs() throws Exception {
        Path script = dir.resolve("source.py");
        Files.writeString(script, SOURCE);
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0);
        try (SluiceServer server = SluiceServer.start(settings)) {
            ApiClient api = new ApiClient(server.apiPort());
            String workspaceId = api.ok("/api/v1/workspaces/list", "{}").path("workspaces").get(0)
                    .path("workspaceId").asText();
            String definitionId = api.ok("/api/v1/source_definitions/create_custom", """
                    {"workspaceId": "%s", "sourceDefinition": {"name": "things", "dockerRepository": "acme/source-things",
                     "dockerImageTag": "0.1", "command": ["python3", "%s"]}}""".formatted(workspaceId, script))
                    .path("sourceDefinitionId").asText();
            JsonNode spec = api.ok("/api/v1/source_definition_specifications/get",
                    "{\"sourceDefinitionId\": \"" + definitionId + "\"}");
            assertThat(spec.path("connectionSpecification").path("properties").has("api_key")).isTrue();

            ApiClient.Response missingKey = api.post("/api/v1/sources/create", """
                    {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "things",
                     "connectionConfiguration": {"rows": 3}}""".formatted(definitionId, workspaceId));
            assertThat(missingKey.status()).isEqualTo(422);
            assertThat(missingKey.json().path("validationErrors").toString()).contains("api_key");

            JsonNode source = api.ok("/api/v1/sources/create", """
                    {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "things",
                     "connectionConfiguration": {"rows": 25, "api_key": "let-me-in"}}""".formatted(definitionId, workspaceId));
            String sourceId = source.path("sourceId").asText();
            assertThat(source.path("connectionConfiguration").path("api_key").asText()).isEqualTo("**********");
            assertThat(api.ok("/api/v1/sources/check_connection", "{\"sourceId\": \"" + sourceId + "\"}")
                    .path("status").asText()).isEqualTo("succeeded");
            JsonNode wrongKey = api.ok("/api/v1/sources/check_connection_for_update", """
                    {"sourceId": "%s", "connectionConfiguration": {"rows": 25, "api_key": "guess"}}""".formatted(sourceId));
            assertThat(wrongKey.path("status").asText()).isEqualTo("failed");
            assertThat(wrongKey.path("message").asText()).isEqualTo("wrong api_key");

            Path duckdb = dir.resolve("things.duckdb");
            String destinationId = api.ok("/api/v1/destinations/create", """
                    {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                     "connectionConfiguration": {"destination_path": "%s"}}""".formatted(ApiIT.DUCKDB, workspaceId, duckdb))
                    .path("destinationId").asText();
            String connectionId = api.ok("/api/v1/connections/create", """
                    {"sourceId": "%s", "destinationId": "%s"}""".formatted(sourceId, destinationId))
                    .path("connectionId").asText();
            long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                    .path("job").path("id").asLong();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            JsonNode job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            while (job.path("job").path("status").asText().matches("pending|running") && Instant.now().isBefore(deadline)) {
                ApiIT.sleep(200);
                job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            }
            assertThat(job.path("job").path("status").asText()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.path("attempts").get(0).path("logs").toString()).doesNotContain("let-me-in");
            assertThat(ApiIT.count(duckdb, "select count(*) from main.things")).isEqualTo(25);
        }
    }
}
