package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries through the API with a real external source (a Python Airbyte-protocol executable) that
 * fails its first reads with the failure type it is told: TRANSIENT and SYSTEM failures get new
 * attempts that resume from the acknowledged state, CONFIG failures none, and never more than 3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryIT {
    /** Emits ids after the state's cursor in batches of 10 with a state after each; fails reads up to fail_reads. */
    static final String SOURCE = """
            import json, os, sys

            def emit(message):
                print(json.dumps(message), flush=True)

            def arg(name):
                return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None

            def find_cursor(node):
                if isinstance(node, dict):
                    if "stream_state" in node and isinstance(node["stream_state"], dict):
                        return node["stream_state"].get("id", 0)
                    for value in node.values():
                        found = find_cursor(value)
                        if found:
                            return found
                if isinstance(node, list):
                    for value in node:
                        found = find_cursor(value)
                        if found:
                            return found
                return 0

            command = sys.argv[1]
            if command == "spec":
                emit({"type": "SPEC", "spec": {"connectionSpecification": {"type": "object",
                      "properties": {"fail_reads": {"type": "integer"}, "failure_type": {"type": "string"},
                      "counter": {"type": "string"}, "rows": {"type": "integer"}}}}})
            elif command == "check":
                emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED"}})
            elif command == "discover":
                emit({"type": "CATALOG", "catalog": {"streams": [{"name": "things", "json_schema": {"type": "object",
                      "properties": {"id": {"type": "integer"}}}, "supported_sync_modes": ["full_refresh", "incremental"],
                      "source_defined_cursor": True, "default_cursor_field": ["id"],
                      "source_defined_primary_key": [["id"]]}]}})
            elif command == "read":
                config = json.load(open(arg("--config")))
                state_file = arg("--state")
                cursor = find_cursor(json.load(open(state_file))) if state_file else 0
                counter = config["counter"]
                reads = (int(open(counter).read()) if os.path.exists(counter) else 0) + 1
                open(counter, "w").write(str(reads))
                print("read %d starts after id %d" % (reads, cursor), file=sys.stderr, flush=True)
                last = min(cursor + 10, config["rows"]) if reads <= config["fail_reads"] else config["rows"]
                for i in range(cursor + 1, last + 1):
                    emit({"type": "RECORD", "record": {"stream": "things", "emitted_at": 0, "data": {"id": i}}})
                    if i % 10 == 0:
                        emit({"type": "STATE", "state": {"type": "STREAM", "stream": {"stream_descriptor":
                              {"name": "things"}, "stream_state": {"id": i}}}})
                if reads <= config["fail_reads"]:
                    emit({"type": "TRACE", "trace": {"type": "ERROR", "emitted_at": 0, "error": {
                          "message": "read %d failed on purpose" % reads, "failure_type": config["failure_type"]}}})
                    sys.exit(1)
                emit({"type": "STATE", "state": {"type": "STREAM", "stream": {"stream_descriptor":
                      {"name": "things"}, "stream_state": {"id": last}}}})
            """;

    private Path dir;
    private SluiceServer server;
    private ApiClient api;
    private String workspaceId;
    private String definitionId;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        Path script = dir.resolve("source.py");
        Files.writeString(script, SOURCE);
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0).withJobs(JobSettings.DEFAULTS.withRetries(3, Duration.ofMillis(300)).withFailureThreshold(0));
        server = SluiceServer.start(settings);
        api = new ApiClient(server.apiPort());
        workspaceId = api.ok("/api/v1/workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
        definitionId = api.ok("/api/v1/source_definitions/create_custom", """
                {"workspaceId": "%s", "sourceDefinition": {"name": "flaky", "dockerRepository": "acme/source-flaky",
                 "dockerImageTag": "0.1", "command": ["python3", "%s"]}}""".formatted(workspaceId, script))
                .path("sourceDefinitionId").asText();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A connection from the flaky source to its own DuckDB file, incremental append on id. */
    private String connection(String name, int failReads, String failureType, int rows) {
        String sourceId = api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "%s", "connectionConfiguration":
                 {"fail_reads": %d, "failure_type": "%s", "counter": "%s", "rows": %d}}""".formatted(definitionId,
                workspaceId, name, failReads, failureType, dir.resolve(name + ".count"), rows)).path("sourceId").asText();
        String destinationId = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(ApiIT.DUCKDB, workspaceId, dir.resolve(name + ".duckdb"))).path("destinationId").asText();
        return api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "syncCatalog": {"streams": [{"stream": {"name": "things"},
                 "config": {"syncMode": "incremental", "destinationSyncMode": "append", "cursorField": ["id"]}}]}}"""
                .formatted(sourceId, destinationId)).path("connectionId").asText();
    }

    private JsonNode syncAndWait(String connectionId) {
        long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        return waitFor(jobId, Set.of("succeeded", "failed", "cancelled"));
    }

    private JsonNode waitFor(long jobId, Set<String> statuses) {
        return api.awaitJob(jobId, statuses, Duration.ofSeconds(90));
    }

    private static String attemptStatus(JsonNode job, int index) {
        return job.path("attempts").get(index).path("attempt").path("status").asText();
    }

    @Test
    void transientFailuresAreRetriedFromTheAcknowledgedState() throws Exception {
        String connectionId = connection("transient", 2, "transient_error", 35);
        JsonNode job = syncAndWait(connectionId);
        assertThat(job.path("job").path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("attempts")).hasSize(3);
        assertThat(attemptStatus(job, 0)).isEqualTo("failed");
        assertThat(attemptStatus(job, 1)).isEqualTo("failed");
        assertThat(attemptStatus(job, 2)).isEqualTo("succeeded");
        JsonNode failure = job.path("attempts").get(0).path("attempt").path("failureSummary").path("failures").get(0);
        assertThat(failure.path("failureType").asText()).isEqualTo("transient_error");
        assertThat(failure.path("failureOrigin").asText()).isEqualTo("source");
        assertThat(failure.path("externalMessage").asText()).contains("read 1 failed on purpose");
        // a failed attempt commits nothing here (the engine acknowledges no state of a failed small sync), so
        // each new attempt resumes from the last acknowledged state, which is still the start: no row twice, none lost
        assertThat(job.path("attempts").get(0).path("attempt").path("totalStats").path("recordsCommitted").asLong())
                .isZero();
        assertThat(job.path("attempts").get(1).path("logs").toString()).contains("read 2 starts after id 0");
        assertThat(job.path("attempts").get(2).path("logs").toString()).contains("read 3 starts after id 0");
        assertThat(job.path("attempts").get(2).path("attempt").path("totalStats").path("recordsCommitted").asLong())
                .isEqualTo(35);
        Path duckdb = dir.resolve("transient.duckdb");
        assertThat(ApiIT.count(duckdb, "select count(*) from main.things")).isEqualTo(35);
        assertThat(ApiIT.count(duckdb, "select count(distinct id) from main.things")).isEqualTo(35);
    }

    @Test
    void systemFailuresStopAfterThreeAttempts() {
        JsonNode job = syncAndWait(connection("system", 5, "system_error", 50));
        assertThat(job.path("job").path("status").asText()).isEqualTo("failed");
        assertThat(job.path("attempts")).hasSize(3);
        assertThat(attemptStatus(job, 2)).isEqualTo("failed");
        assertThat(job.path("attempts").get(2).path("attempt").path("failureSummary").path("failures").get(0)
                .path("failureType").asText()).isEqualTo("system_error");
    }

    @Test
    void configFailuresAreNotRetried() {
        JsonNode job = syncAndWait(connection("config", 5, "config_error", 50));
        assertThat(job.path("job").path("status").asText()).isEqualTo("failed");
        assertThat(job.path("attempts")).hasSize(1);
        assertThat(job.path("attempts").get(0).path("attempt").path("failureSummary").path("failures").get(0)
                .path("failureType").asText()).isEqualTo("config_error");
    }

    @Test
    void aJobWaitingToRetryIsIncompleteAndCanBeCancelled() {
        String connectionId = connection("cancel", 9, "transient_error", 90);
        long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        JsonNode incomplete = waitFor(jobId, Set.of("incomplete", "failed", "succeeded"));
        assertThat(incomplete.path("job").path("status").asText()).isEqualTo("incomplete");
        // a trigger while the job is active returns the same job
        assertThat(api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong()).isEqualTo(jobId);
        JsonNode cancelled = api.ok("/api/v1/jobs/cancel", "{\"id\": " + jobId + "}");
        assertThat(cancelled.path("job").path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("attempts").size()).isLessThan(3);
    }
}
