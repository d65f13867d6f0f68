package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scheduleType: continuous} through the API, with a real external source (a Python
 * Airbyte-protocol executable) that, told to run continuously, emits its rows and a state and then
 * keeps "following its log" until stopped; its first read fails. The failed job is followed by a new
 * one that runs continuously; a cancel stops it for good, a manual sync starts it again, disabling
 * the connection cancels it, enabling starts it again, and so does a server restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContinuousIT {
    static final String SOURCE = """
            import json, os, sys, time

            def emit(message):
                print(json.dumps(message), flush=True)

            def arg(name):
                return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None

            command = sys.argv[1]
            if command == "spec":
                emit({"type": "SPEC", "spec": {"connectionSpecification": {"type": "object",
                      "properties": {"fail_reads": {"type": "integer"}, "counter": {"type": "string"}}}}})
            elif command == "check":
                emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED"}})
            elif command == "discover":
                emit({"type": "CATALOG", "catalog": {"streams": [{"name": "things", "json_schema": {"type": "object",
                      "properties": {"id": {"type": "integer"}}}, "supported_sync_modes": ["incremental"],
                      "source_defined_cursor": True, "default_cursor_field": ["id"]}]}})
            elif command == "read":
                config = json.load(open(arg("--config")))
                continuous = config.get("_sluice_continuous", False)
                counter = config["counter"]
                reads = (int(open(counter).read()) if os.path.exists(counter) else 0) + 1
                open(counter, "w").write(str(reads))
                print("read %d continuous=%s" % (reads, continuous), file=sys.stderr, flush=True)
                for i in range(reads * 100 + 1, reads * 100 + 11):
                    emit({"type": "RECORD", "record": {"stream": "things", "emitted_at": 0, "data": {"id": i}}})
                emit({"type": "STATE", "state": {"type": "STREAM", "stream": {"stream_descriptor":
                      {"name": "things"}, "stream_state": {"id": reads * 100 + 10}}}})
                if reads <= config["fail_reads"]:
                    emit({"type": "TRACE", "trace": {"type": "ERROR", "emitted_at": 0, "error": {
                          "message": "read %d failed on purpose" % reads, "failure_type": "transient_error"}}})
                    sys.exit(1)
                while continuous:
                    time.sleep(0.1)
            """;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

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
        startServer();
        workspaceId = api.ok("/api/v1/workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
        definitionId = api.ok("/api/v1/source_definitions/create_custom", """
                {"workspaceId": "%s", "sourceDefinition": {"name": "follower", "dockerRepository": "acme/source-follower",
                 "dockerImageTag": "0.1", "command": ["python3", "%s"]}}""".formatted(workspaceId, script))
                .path("sourceDefinitionId").asText();
    }

    private void startServer() {
        // One attempt per job, so a failure ends the job; restarts after 300 ms; checks 5 times a second.
        JobSettings jobs = new JobSettings(2, 1, Duration.ofMillis(300), Duration.ofMillis(200), 0,
                Duration.ofDays(30), 2048L << 20);
        server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0).withJobs(jobs));
        api = new ApiClient(server.apiPort());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aContinuousConnectionRestartsAfterFailureAndStopsOnCancelOrDisable() {
        String sourceId = api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "follower", "connectionConfiguration":
                 {"fail_reads": 1, "counter": "%s"}}""".formatted(definitionId, workspaceId, dir.resolve("reads")))
                .path("sourceId").asText();
        String destinationId = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(ApiIT.DUCKDB, workspaceId, dir.resolve("follower.duckdb"))).path("destinationId").asText();
        JsonNode created = api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "scheduleType": "continuous", "syncCatalog": {"streams":
                 [{"stream": {"name": "things"}, "config": {"syncMode": "incremental", "destinationSyncMode": "append",
                 "cursorField": ["id"]}}]}}""".formatted(sourceId, destinationId));
        assertThat(created.path("scheduleType").asText()).isEqualTo("continuous");
        String connectionId = created.path("connectionId").asText();

        // Nobody asked: the first job starts by itself, fails, and a second one follows and keeps running.
        List<JsonNode> jobs = eventually(connectionId, js -> js.size() == 2 && status(js.get(0)).equals("running")
                && committed(js.get(0)) == 10);
        assertThat(status(jobs.get(1))).isEqualTo("failed");
        JsonNode running = job(jobs.get(0));
        assertThat(running.path("attempts").get(0).path("logs").toString()).contains("read 2 continuous=True");

        assertThat(api.ok("/api/v1/jobs/cancel", "{\"id\": " + id(jobs.get(0)) + "}").path("job").path("status")
                .asText()).isEqualTo("cancelled");
        ApiIT.sleep(1500); // several checks and restart delays: a cancelled continuous sync stays stopped
        assertThat(list(connectionId)).hasSize(2);

        long manual = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        eventually(connectionId, js -> id(js.get(0)) == manual && status(js.get(0)).equals("running")
                && committed(js.get(0)) == 10);
        api.ok("/api/v1/connections/update", "{\"connectionId\": \"" + connectionId + "\", \"status\": \"inactive\"}");
        eventually(connectionId, js -> status(js.get(0)).equals("cancelled"));
        api.ok("/api/v1/connections/update", "{\"connectionId\": \"" + connectionId + "\", \"status\": \"active\"}");
        jobs = eventually(connectionId, js -> js.size() == 4 && status(js.get(0)).equals("running")
                && committed(js.get(0)) == 10);
        assertThat(job(jobs.get(0)).path("attempts").get(0).path("logs").toString()).contains("read 4 continuous=True");

        // A server restart stops the sync without anyone cancelling it: the stopping worker hands the job
        // over, the next one finds it out of attempts (this test allows one a job) and ends it failed, and
        // the continuous connection starts a new job.
        server.close();
        startServer();
        jobs = eventually(connectionId, js -> js.size() == 5 && status(js.get(0)).equals("running")
                && committed(js.get(0)) == 10);
        assertThat(job(jobs.get(0)).path("attempts").get(0).path("logs").toString()).contains("read 5 continuous=True");
        assertThat(status(jobs.get(1))).isEqualTo("failed");
        assertThat(jobs.get(1).path("attempts").get(0).path("failureSummary").toString())
                .contains("stopped; the job goes on from the last acknowledged state");

        api.ok("/api/v1/connections/update", "{\"connectionId\": \"" + connectionId + "\", \"status\": \"inactive\"}");
        eventually(connectionId, js -> status(js.get(0)).equals("cancelled"));
    }

    /** The connection's jobs, newest first, once they satisfy {@code condition}. */
    private List<JsonNode> eventually(String connectionId, Predicate<List<JsonNode>> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<JsonNode> jobs = list(connectionId);
        while (jobs.isEmpty() || !condition.test(jobs)) {
            assertThat(Instant.now()).as(jobs.toString()).isBefore(deadline);
            ApiIT.sleep(100);
            jobs = list(connectionId);
        }
        return jobs;
    }

    private List<JsonNode> list(String connectionId) {
        List<JsonNode> jobs = new ArrayList<>();
        api.ok("/api/v1/jobs/list", "{\"configTypes\": [\"sync\"], \"configId\": \"" + connectionId + "\"}")
                .path("jobs").forEach(jobs::add);
        return jobs;
    }

    private JsonNode job(JsonNode listed) {
        return api.ok("/api/v1/jobs/get", "{\"id\": " + id(listed) + "}");
    }

    private static long id(JsonNode listed) {
        return listed.path("job").path("id").asLong();
    }

    private static String status(JsonNode listed) {
        return listed.path("job").path("status").asText();
    }

    private static long committed(JsonNode listed) {
        JsonNode attempts = listed.path("attempts");
        return attempts.isEmpty() ? 0
                : attempts.get(attempts.size() - 1).path("totalStats").path("recordsCommitted").asLong();
    }
}
