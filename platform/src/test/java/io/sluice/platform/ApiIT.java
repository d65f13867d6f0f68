package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.connectors.ConnectorDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Config API over real HTTP against a started server; run on each metadata store by a subclass.
 * Bodies are written as the seed's curl calls write them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiIT {
    static final String FAKER = ConnectorDefinition.builtInId(ActorType.SOURCE, "source-faker").toString();
    static final String DUCKDB = ConnectorDefinition.builtInId(ActorType.DESTINATION, "destination-duckdb").toString();
    static final String POSTGRES = ConnectorDefinition.builtInId(ActorType.DESTINATION, "destination-postgres").toString();

    Path dir;
    SluiceServer server;
    ApiClient api;
    String workspaceId;

    /** The settings of the server under test, with its data directory. */
    abstract PlatformSettings settings(Path dataDir);

    @BeforeAll
    void startServer(@TempDir Path tempDir) {
        dir = tempDir;
        server = SluiceServer.start(settings(dir.resolve("data")).withPorts(0, 0));
        api = new ApiClient(server.apiPort());
        workspaceId = api.ok("/api/v1/workspaces/list", "").path("workspaces").get(0).path("workspaceId").asText();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    String createFaker(long count) {
        return api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "faker %d",
                 "connectionConfiguration": {"count": %d, "seed": 7, "always_updated": false}}
                """.formatted(FAKER, workspaceId, count, count)).path("sourceId").asText();
    }

    String createDuckDb(Path file) {
        return api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s", "schema": "main"}}
                """.formatted(DUCKDB, workspaceId, file)).path("destinationId").asText();
    }

    /** The seed's "Create Connection" body with the faker's users stream in place of "customers". */
    String createSeedConnection(String sourceId, String destinationId) {
        return api.ok("/api/v1/connections/create", """
                {
                  "sourceId": "%s",
                  "destinationId": "%s",
                  "syncCatalog": {
                    "streams": [
                      {
                        "stream": {
                          "name": "users",
                          "jsonSchema": {}
                        },
                        "config": {
                          "syncMode": "incremental",
                          "destinationSyncMode": "append",
                          "cursorField": ["updated_at"]
                        }
                      }
                    ]
                  },
                  "schedule": {
                    "units": 24,
                    "timeUnit": "hours"
                  }
                }
                """.formatted(sourceId, destinationId)).path("connectionId").asText();
    }

    JsonNode waitForJob(long jobId, Set<String> statuses) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode info = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            if (statuses.contains(info.path("job").path("status").asText())) {
                return info;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " did not reach " + statuses + ": " + info);
            }
            sleep(200);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long count(Path duckdb, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void seedSequenceSyncsIntoDuckDb() throws SQLException {
        String sourceId = createFaker(300);
        Path duckdb = dir.resolve("seed.duckdb");
        String destinationId = createDuckDb(duckdb);
        assertThat(api.ok("/api/v1/sources/list", """
                {
                  "workspaceId": "%s"
                }""".formatted(workspaceId)).path("sources").findValuesAsText("sourceId")).contains(sourceId);
        String connectionId = createSeedConnection(sourceId, destinationId);

        JsonNode connection = api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}");
        assertThat(connection.path("scheduleType").asText()).isEqualTo("basic");
        assertThat(connection.path("scheduleData").path("basicSchedule").path("units").asInt()).isEqualTo(24);
        assertThat(connection.path("status").asText()).isEqualTo("active");
        JsonNode stream = connection.path("syncCatalog").path("streams").get(0);
        assertThat(stream.path("stream").path("jsonSchema").path("properties").has("updated_at")).isTrue();
        assertThat(stream.path("config").path("syncMode").asText()).isEqualTo("incremental");

        JsonNode job = api.ok("/api/v1/connections/sync", """
                {
                  "connectionId": "%s"
                }""".formatted(connectionId));
        assertThat(job.path("job").path("status").asText()).isIn("pending", "running");
        assertThat(job.path("job").path("configType").asText()).isEqualTo("sync");
        long jobId = job.path("job").path("id").asLong();

        JsonNode done = waitForJob(jobId, Set.of("succeeded", "failed", "cancelled"));
        assertThat(done.path("job").path("status").asText()).as(done.toString()).isEqualTo("succeeded");
        JsonNode attempt = done.path("attempts").get(0);
        assertThat(attempt.path("attempt").path("status").asText()).isEqualTo("succeeded");
        assertThat(attempt.path("attempt").path("totalStats").path("recordsEmitted").asLong()).isEqualTo(300);
        assertThat(attempt.path("attempt").path("totalStats").path("recordsCommitted").asLong()).isEqualTo(300);
        assertThat(attempt.path("attempt").path("recordsSynced").asLong()).isEqualTo(300);
        assertThat(attempt.path("attempt").path("streamStats").get(0).path("streamName").asText()).isEqualTo("users");
        assertThat(attempt.path("logs").path("logLines").toString()).contains("sync of connection " + connectionId)
                .contains("attempt succeeded");
        assertThat(count(duckdb, "select count(*) from main.users")).isEqualTo(300);

        JsonNode list = api.send("GET", "/api/v1/jobs/list", """
                {
                  "configTypes": ["sync"],
                  "configId": "%s"
                }""".formatted(connectionId)).ok();
        assertThat(list.path("totalJobCount").asLong()).isEqualTo(1);
        assertThat(list.path("jobs").get(0).path("job").path("id").asLong()).isEqualTo(jobId);
        assertThat(list.path("jobs").get(0).path("attempts").get(0).path("status").asText()).isEqualTo("succeeded");

        JsonNode state = api.ok("/api/v1/state/get", "{\"connectionId\": \"" + connectionId + "\"}");
        assertThat(state.path("stateType").asText()).isEqualTo("stream");
        assertThat(state.path("streamState").get(0).path("streamDescriptor").path("name").asText()).isEqualTo("users");
        assertThat(state.path("streamState").get(0).path("streamState").toString()).contains("updated_at");

        // the same connection again: incremental, nothing new
        long second = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        JsonNode again = waitForJob(second, Set.of("succeeded", "failed", "cancelled"));
        assertThat(again.path("job").path("status").asText()).isEqualTo("succeeded");
        assertThat(again.path("attempts").get(0).path("attempt").path("totalStats").path("recordsEmitted").asLong())
                .isZero();
        assertThat(count(duckdb, "select count(*) from main.users")).isEqualTo(300);
    }
}
