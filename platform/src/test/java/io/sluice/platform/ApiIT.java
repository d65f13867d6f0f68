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
import io.sluice.platform.secrets.SecretCipher;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
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
                          "jsonSchema": {...}
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

    @Test
    void resetEmptiesTheDestinationStreamsAndClearsTheState() throws SQLException {
        Path duckdb = dir.resolve("reset.duckdb");
        String connectionId = createSeedConnection(createFaker(120), createDuckDb(duckdb));
        long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        assertThat(waitForJob(jobId, Set.of("succeeded", "failed")).path("job").path("status").asText())
                .isEqualTo("succeeded");
        assertThat(count(duckdb, "select count(*) from main.users")).isEqualTo(120);

        JsonNode reset = api.ok("/api/v1/connections/reset", "{\"connectionId\": \"" + connectionId + "\"}");
        assertThat(reset.path("job").path("status").asText()).as(reset.toString()).isEqualTo("succeeded");
        assertThat(reset.path("attempts").get(0).path("logs").toString()).contains("clearing 1 streams")
                .contains("cleared the state");
        assertThat(count(duckdb, "select count(*) from main.users")).isZero();
        assertThat(api.ok("/api/v1/state/get", "{\"connectionId\": \"" + connectionId + "\"}").path("stateType")
                .asText()).isEqualTo("not_set");

        // the next sync starts over
        long again = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        assertThat(waitForJob(again, Set.of("succeeded", "failed")).path("job").path("status").asText())
                .isEqualTo("succeeded");
        assertThat(count(duckdb, "select count(*) from main.users")).isEqualTo(120);
    }

    @Test
    void workspacesCreateGetListUpdate() {
        JsonNode created = api.ok("/api/v1/workspaces/create", """
                {"name": "Analytics Team", "email": "data@example.com"}""");
        String id = created.path("workspaceId").asText();
        assertThat(created.path("slug").asText()).isEqualTo("analytics-team");
        assertThat(created.path("namespaceDefinition").asText()).isEqualTo("source");
        assertThat(api.ok("/api/v1/workspaces/get", "{\"workspaceId\": \"" + id + "\"}").path("name").asText())
                .isEqualTo("Analytics Team");
        JsonNode updated = api.ok("/api/v1/workspaces/update", """
                {"workspaceId": "%s", "name": "Analytics", "namespaceDefinition": "customformat",
                 "namespaceFormat": "prod_${SOURCE_NAMESPACE}"}""".formatted(id));
        assertThat(updated.path("name").asText()).isEqualTo("Analytics");
        assertThat(updated.path("namespaceFormat").asText()).isEqualTo("prod_${SOURCE_NAMESPACE}");
        assertThat(updated.path("email").asText()).isEqualTo("data@example.com");
        assertThat(api.ok("/api/v1/workspaces/list", "{}").path("workspaces").findValuesAsText("workspaceId"))
                .contains(id, workspaceId);
        String definitions = api.ok("/api/v1/source_definitions/list", "{}").toString();
        assertThat(definitions).contains(FAKER);
        String sourceId = api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "f", "connectionConfiguration": {}}"""
                .formatted(FAKER, id)).path("sourceId").asText();
        String destinationId = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "d",
                 "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(DUCKDB, id, dir.resolve("workspace.duckdb"))).path("destinationId").asText();
        JsonNode connection = api.ok("/api/v1/connections/create",
                "{\"sourceId\": \"" + sourceId + "\", \"destinationId\": \"" + destinationId + "\"}");
        assertThat(connection.path("namespaceDefinition").asText()).isEqualTo("customformat");
        assertThat(connection.path("namespaceFormat").asText()).isEqualTo("prod_${SOURCE_NAMESPACE}");
        assertThat(connection.path("scheduleType").asText()).isEqualTo("manual");
    }

    @Test
    void definitionsAndSpecifications() {
        JsonNode sources = api.ok("/api/v1/source_definitions/list", "{}").path("sourceDefinitions");
        assertThat(sources.findValuesAsText("name")).contains("source-faker");
        assertThat(sources.findValuesAsText("dockerRepository")).contains("airbyte/source-faker");
        assertThat(api.ok("/api/v1/source_definitions/get", "{\"sourceDefinitionId\": \"" + FAKER + "\"}")
                .path("name").asText()).isEqualTo("source-faker");
        assertThat(api.ok("/api/v1/source_definitions/list_for_workspace", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("sourceDefinitions").findValuesAsText("sourceDefinitionId")).contains(FAKER);
        JsonNode spec = api.ok("/api/v1/source_definition_specifications/get", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s"}""".formatted(FAKER, workspaceId));
        assertThat(spec.path("connectionSpecification").path("properties").has("count")).isTrue();

        JsonNode destinations = api.ok("/api/v1/destination_definitions/list", "{}").path("destinationDefinitions");
        assertThat(destinations.findValuesAsText("name")).contains("destination-duckdb", "destination-postgres");
        assertThat(api.ok("/api/v1/destination_definitions/get", "{\"destinationDefinitionId\": \"" + DUCKDB + "\"}")
                .path("dockerRepository").asText()).isEqualTo("airbyte/destination-duckdb");
        assertThat(api.ok("/api/v1/destination_definitions/list_for_workspace",
                "{\"workspaceId\": \"" + workspaceId + "\"}").path("destinationDefinitions").size())
                .isEqualTo(destinations.size());
        JsonNode destinationSpec = api.ok("/api/v1/destination_definition_specifications/get",
                "{\"destinationDefinitionId\": \"" + DUCKDB + "\"}");
        assertThat(destinationSpec.path("connectionSpecification").path("required").toString())
                .contains("destination_path");
        assertThat(destinationSpec.path("supportedDestinationSyncModes").toString()).contains("append_dedup");

        JsonNode custom = api.ok("/api/v1/source_definitions/create_custom", """
                {"workspaceId": "%s", "sourceDefinition": {"name": "my-python-source",
                 "dockerRepository": "acme/source-things", "dockerImageTag": "1.0",
                 "command": ["python3", "/opt/things/main.py"]}}""".formatted(workspaceId));
        String customId = custom.path("sourceDefinitionId").asText();
        assertThat(custom.path("custom").asBoolean()).isTrue();
        assertThat(custom.path("command").toString()).isEqualTo("[\"python3\",\"/opt/things/main.py\"]");
        assertThat(api.ok("/api/v1/source_definitions/list_for_workspace", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("sourceDefinitions").findValuesAsText("sourceDefinitionId")).contains(customId);
        String otherWorkspace = api.ok("/api/v1/workspaces/create", "{\"name\": \"other\"}").path("workspaceId").asText();
        assertThat(api.ok("/api/v1/source_definitions/list_for_workspace", "{\"workspaceId\": \"" + otherWorkspace + "\"}")
                .path("sourceDefinitions").findValuesAsText("sourceDefinitionId")).doesNotContain(customId);
        JsonNode customDestination = api.ok("/api/v1/destination_definitions/create_custom", """
                {"workspaceId": "%s", "destinationDefinition": {"name": "docker-dest",
                 "dockerRepository": "acme/destination-nowhere", "dockerImageTag": "2.0"}}""".formatted(workspaceId));
        assertThat(api.ok("/api/v1/destination_definitions/get", "{\"destinationDefinitionId\": \""
                + customDestination.path("destinationDefinitionId").asText() + "\"}").path("dockerImageTag").asText())
                .isEqualTo("2.0");
    }

    @Test
    void sourcesAndDestinationsLifecycle() {
        String sourceId = createFaker(50);
        JsonNode source = api.ok("/api/v1/sources/get", "{\"sourceId\": \"" + sourceId + "\"}");
        assertThat(source.path("sourceName").asText()).isEqualTo("source-faker");
        assertThat(source.path("connectionConfiguration").path("count").asInt()).isEqualTo(50);
        assertThat(api.ok("/api/v1/sources/check_connection", "{\"sourceId\": \"" + sourceId + "\"}")
                .path("status").asText()).isEqualTo("succeeded");
        JsonNode forUpdate = api.ok("/api/v1/sources/check_connection_for_update", """
                {"sourceId": "%s", "name": "x", "connectionConfiguration": {"count": 5}}""".formatted(sourceId));
        assertThat(forUpdate.path("status").asText()).isEqualTo("succeeded");
        assertThat(forUpdate.path("jobInfo").path("configType").asText()).isEqualTo("check_connection_source");
        JsonNode discovered = api.ok("/api/v1/sources/discover_schema", "{\"sourceId\": \"" + sourceId + "\"}");
        assertThat(discovered.path("catalog").path("streams").findValuesAsText("name"))
                .contains("users", "products", "purchases");
        JsonNode users = discovered.path("catalog").path("streams").get(0);
        assertThat(users.path("config").path("selected").asBoolean()).isTrue();
        assertThat(users.path("stream").path("supportedSyncModes").toString()).contains("incremental");
        JsonNode updated = api.ok("/api/v1/sources/update", """
                {"sourceId": "%s", "name": "renamed", "connectionConfiguration": {"count": 75}}""".formatted(sourceId));
        assertThat(updated.path("name").asText()).isEqualTo("renamed");
        assertThat(updated.path("connectionConfiguration").path("count").asInt()).isEqualTo(75);

        String destinationId = createDuckDb(dir.resolve("lifecycle.duckdb"));
        assertThat(api.ok("/api/v1/destinations/check_connection", "{\"destinationId\": \"" + destinationId + "\"}")
                .path("status").asText()).isEqualTo("succeeded");
        assertThat(api.ok("/api/v1/destinations/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("destinations").findValuesAsText("destinationId")).contains(destinationId);
        assertThat(api.ok("/api/v1/destinations/update", """
                {"destinationId": "%s", "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(destinationId, dir.resolve("other.duckdb"))).path("connectionConfiguration")
                .path("destination_path").asText()).endsWith("other.duckdb");
        String connectionId = createSeedConnection(sourceId, destinationId);

        assertThat(api.post("/api/v1/destinations/delete", "{\"destinationId\": \"" + destinationId + "\"}").status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/destinations/get", "{\"destinationId\": \"" + destinationId + "\"}").status())
                .isEqualTo(404);
        assertThat(api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}").path("status")
                .asText()).isEqualTo("deprecated");
        assertThat(api.post("/api/v1/sources/delete", "{\"sourceId\": \"" + sourceId + "\"}").status()).isEqualTo(204);
        assertThat(api.ok("/api/v1/sources/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("sources").findValuesAsText("sourceId")).doesNotContain(sourceId);
    }

    @Test
    void schedulerChecksAConfigThatIsNotStored() {
        int sources = api.ok("/api/v1/sources/list", "{\"workspaceId\": \"" + workspaceId + "\"}").path("sources").size();
        JsonNode faker = api.ok("/api/v1/scheduler/sources/check_connection", """
                {"sourceDefinitionId": "%s", "connectionConfiguration": {"count": 5}}""".formatted(FAKER));
        assertThat(faker.path("status").asText()).isEqualTo("succeeded");
        assertThat(faker.path("jobInfo").path("configType").asText()).isEqualTo("check_connection_source");
        assertThat(faker.path("jobInfo").path("configId").asText()).isEqualTo(FAKER);
        assertThat(api.ok("/api/v1/scheduler/destinations/check_connection", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s",
                 "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(DUCKDB, workspaceId, dir.resolve("unsaved.duckdb"))).path("status").asText())
                .isEqualTo("succeeded");
        String postgres = """
                {"destinationDefinitionId": "%s", "connectionConfiguration": {"host": "127.0.0.1", "port": %d,
                 "database": "test", "schema": "public", "username": "postgres", "password": "any"}}""";
        assertThat(api.ok("/api/v1/scheduler/destinations/check_connection", postgres.formatted(POSTGRES, 5432))
                .path("status").asText()).isEqualTo("succeeded");
        JsonNode refused = api.ok("/api/v1/scheduler/destinations/check_connection", postgres.formatted(POSTGRES, 1));
        assertThat(refused.path("status").asText()).isEqualTo("failed");
        assertThat(refused.path("message").asText()).isNotBlank();

        ApiClient.Response bad = api.post("/api/v1/scheduler/sources/check_connection", """
                {"sourceDefinitionId": "%s", "connectionConfiguration": {"count": "many"}}""".formatted(FAKER));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("validationErrors").findValuesAsText("propertyPath"))
                .containsExactly("connectionConfiguration.count");
        assertThat(api.post("/api/v1/scheduler/destinations/check_connection", """
                {"destinationDefinitionId": "%s", "connectionConfiguration": {}}""".formatted(FAKER)).status())
                .as("a source's definition id on the destination side").isEqualTo(404);
        assertThat(api.ok("/api/v1/sources/list", "{\"workspaceId\": \"" + workspaceId + "\"}").path("sources")
                .size()).as("nothing stored").isEqualTo(sources);
    }

    @Test
    void connectionsGetListUpdateResetDelete() {
        String sourceId = createFaker(20);
        String destinationId = createDuckDb(dir.resolve("connections.duckdb"));
        JsonNode created = api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "name": "all streams", "status": "inactive",
                 "namespaceDefinition": "customformat", "namespaceFormat": "faker_${SOURCE_NAMESPACE}",
                 "prefix": "raw_", "scheduleType": "cron",
                 "scheduleData": {"cron": {"cronExpression": "0 0 2 * * ?", "cronTimeZone": "Europe/Paris"}},
                 "nonBreakingChangesPreference": "propagate_columns",
                 "resourceRequirements": {"cpu_limit": "1", "memory_limit": "1Gi"}}""".formatted(sourceId, destinationId));
        String id = created.path("connectionId").asText();
        assertThat(created.path("syncCatalog").path("streams").size()).isEqualTo(3);
        assertThat(created.path("scheduleType").asText()).isEqualTo("cron");
        assertThat(created.path("scheduleData").path("cron").path("cronTimeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(created.path("status").asText()).isEqualTo("inactive");
        assertThat(created.path("nonBreakingChangesPreference").asText()).isEqualTo("propagate_columns");
        assertThat(created.path("resourceRequirements").path("memory_limit").asText()).isEqualTo("1Gi");
        assertThat(api.ok("/api/v1/connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("connections").findValuesAsText("connectionId")).contains(id);

        JsonNode updated = api.ok("/api/v1/connections/update", """
                {"connectionId": "%s", "status": "active", "scheduleType": "basic",
                 "scheduleData": {"basicSchedule": {"timeUnit": "hours", "units": 6}},
                 "syncCatalog": {"streams": [{"stream": {"name": "products"},
                   "config": {"syncMode": "full_refresh", "destinationSyncMode": "overwrite", "selected": true}}]}}"""
                .formatted(id));
        assertThat(updated.path("status").asText()).isEqualTo("active");
        assertThat(updated.path("schedule").path("units").asInt()).isEqualTo(6);
        assertThat(updated.path("prefix").asText()).isEqualTo("raw_");
        assertThat(updated.path("syncCatalog").path("streams").findValuesAsText("name")).containsExactly("products");

        long syncJob = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + id + "\"}").path("job").path("id").asLong();
        assertThat(waitForJob(syncJob, Set.of("succeeded", "failed")).path("job").path("status").asText())
                .isEqualTo("succeeded");
        JsonNode reset = api.ok("/api/v1/connections/reset", "{\"connectionId\": \"" + id + "\"}");
        assertThat(reset.path("job").path("configType").asText()).isEqualTo("reset_connection");
        assertThat(reset.path("job").path("status").asText()).isEqualTo("succeeded");
        assertThat(api.ok("/api/v1/state/get", "{\"connectionId\": \"" + id + "\"}").path("stateType").asText())
                .isEqualTo("not_set");
        assertThat(api.post("/api/v1/connections/delete", "{\"connectionId\": \"" + id + "\"}").status()).isEqualTo(204);
        assertThat(api.ok("/api/v1/connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("connections").findValuesAsText("connectionId")).doesNotContain(id);
        assertThat(api.post("/api/v1/connections/sync", "{\"connectionId\": \"" + id + "\"}").status()).isEqualTo(409);
    }

    @Test
    void sampleConnectionExistsAndSyncs() throws SQLException {
        JsonNode connections = api.ok("/api/v1/connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("connections");
        JsonNode sample = null;
        for (JsonNode c : connections) {
            if (c.path("name").asText().startsWith("Sample data")) {
                sample = c;
            }
        }
        assertThat(sample).as("the sample connection").isNotNull();
        long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + sample.path("connectionId").asText()
                + "\"}").path("job").path("id").asLong();
        assertThat(waitForJob(jobId, Set.of("succeeded", "failed")).path("job").path("status").asText())
                .isEqualTo("succeeded");
        assertThat(count(dir.resolve("data").resolve("sample.duckdb"), "select count(*) from main.users"))
                .isEqualTo(1000);
    }

    @Test
    void uiPortServesTheSameApiAndAPage() {
        ApiClient ui = new ApiClient(server.uiPort());
        assertThat(ui.get("/api/v1/health").ok().path("available").asBoolean()).isTrue();
        assertThat(ui.ok("/api/v1/workspaces/list", "").path("workspaces").findValuesAsText("workspaceId"))
                .contains(workspaceId);
        assertThat(ui.get("/").status()).isEqualTo(303);
        ApiClient.Response page = ui.get("/setup");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Set up Sluice");
    }

    @Test
    void badConfigNamesEachField() {
        ApiClient.Response response = api.post("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "bad",
                 "connectionConfiguration": {"count": "many", "always_updated": 3}}""".formatted(FAKER, workspaceId));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("validationErrors").findValuesAsText("propertyPath"))
                .contains("connectionConfiguration.count", "connectionConfiguration.always_updated");
        assertThat(response.json().path("message").asText()).contains("count");

        ApiClient.Response missing = api.post("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "no path",
                 "connectionConfiguration": {}}""".formatted(DUCKDB, workspaceId));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("validationErrors").toString()).contains("destination_path");

        ApiClient.Response noName = api.post("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "connectionConfiguration": {}}"""
                .formatted(FAKER, workspaceId));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().path("validationErrors").findValuesAsText("propertyPath")).contains("name");

        String sourceId = createFaker(10);
        ApiClient.Response badUpdate = api.post("/api/v1/sources/update", """
                {"sourceId": "%s", "connectionConfiguration": {"count": 0}}""".formatted(sourceId));
        assertThat(badUpdate.status()).isEqualTo(422);
        assertThat(badUpdate.json().path("validationErrors").findValuesAsText("propertyPath"))
                .containsExactly("connectionConfiguration.count");
        assertThat(api.ok("/api/v1/sources/get", "{\"sourceId\": \"" + sourceId + "\"}")
                .path("connectionConfiguration").path("count").asInt()).isEqualTo(10);
    }

    @Test
    void badConnectionsNameTheField() {
        String sourceId = createFaker(10);
        String destinationId = createDuckDb(dir.resolve("bad-connections.duckdb"));
        ApiClient.Response unknownStream = api.post("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "syncCatalog": {"streams": [
                  {"stream": {"name": "customers", "jsonSchema": {...}},
                   "config": {"syncMode": "incremental", "destinationSyncMode": "append", "cursorField": ["updated_at"]}}]},
                 "schedule": {"units": 24, "timeUnit": "hours"}}""".formatted(sourceId, destinationId));
        assertThat(unknownStream.status()).isEqualTo(422);
        assertThat(unknownStream.json().path("validationErrors").get(0).path("propertyPath").asText())
                .isEqualTo("syncCatalog.streams[0].stream.name");
        assertThat(unknownStream.json().path("validationErrors").get(0).path("message").asText()).contains("users");

        ApiClient.Response badModes = api.post("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "status": "paused", "scheduleType": "basic",
                 "scheduleData": {"basicSchedule": {"timeUnit": "fortnights", "units": 0}},
                 "syncCatalog": {"streams": [{"stream": {"name": "users"},
                   "config": {"syncMode": "sideways", "cursorField": ["nope"]}}]}}""".formatted(sourceId, destinationId));
        assertThat(badModes.status()).isEqualTo(422);
        assertThat(badModes.json().path("validationErrors").findValuesAsText("propertyPath")).contains("status",
                "scheduleData.basicSchedule.timeUnit", "scheduleData.basicSchedule.units",
                "syncCatalog.streams[0].config.syncMode", "syncCatalog.streams[0].config.cursorField");
    }

    @Test
    void unknownIdsMalformedJsonAndWrongMethodsNeverGive500() {
        String unknown = "3f1c7a52-0000-4000-8000-000000000000";
        for (String[] call : new String[][] {
                {"/api/v1/workspaces/get", "{\"workspaceId\": \"" + unknown + "\"}"},
                {"/api/v1/sources/get", "{\"sourceId\": \"" + unknown + "\"}"},
                {"/api/v1/destinations/check_connection", "{\"destinationId\": \"" + unknown + "\"}"},
                {"/api/v1/connections/sync", "{\"connectionId\": \"" + unknown + "\"}"},
                {"/api/v1/state/get", "{\"connectionId\": \"" + unknown + "\"}"},
                {"/api/v1/source_definitions/get", "{\"sourceDefinitionId\": \"" + unknown + "\"}"},
                {"/api/v1/jobs/get", "{\"id\": 987654}"}}) {
            ApiClient.Response response = api.post(call[0], call[1]);
            assertThat(response.status()).as(call[0]).isEqualTo(404);
            assertThat(response.json().path("message").asText()).as(call[0]).contains("Could not find");
        }
        ApiClient.Response malformed = api.post("/api/v1/sources/list", "{\"workspaceId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("message").asText()).contains("malformed JSON");
        assertThat(api.post("/api/v1/sources/list", "[1, 2]").status()).isEqualTo(400);
        ApiClient.Response notUuid = api.post("/api/v1/sources/list", "{\"workspaceId\": \"workspace-id\"}");
        assertThat(notUuid.status()).isEqualTo(422);
        assertThat(notUuid.json().path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("workspaceId");
        assertThat(api.post("/api/v1/jobs/get", "{\"id\": \"job-id\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/jobs/get", "{}").status()).isEqualTo(422);
        ApiClient.Response noSuchCall = api.post("/api/v1/no/such/call", "{}");
        assertThat(noSuchCall.status()).isEqualTo(404);
        assertThat(noSuchCall.json().path("message").asText()).contains("no such API call");
        ApiClient.Response wrongMethod = api.send("PUT", "/api/v1/sources/list", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("message").asText()).contains("POST");
        assertThat(wrongMethod.text()).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    @Test
    void secretsAreEncryptedAtRestMaskedAndKeptWhenMasked() {
        String config = """
                {"host": "127.0.0.1", "port": 5432, "database": "test", "schema": "public",
                 "username": "postgres", "password": "%s"}""";
        JsonNode created = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "warehouse",
                 "connectionConfiguration": %s}""".formatted(POSTGRES, workspaceId, config.formatted("s3cret-Pw!")));
        String id = created.path("destinationId").asText();
        assertThat(created.path("connectionConfiguration").path("password").asText()).isEqualTo("**********");
        assertThat(created.toString()).doesNotContain("s3cret-Pw!");
        JsonNode listed = api.ok("/api/v1/destinations/list", "{\"workspaceId\": \"" + workspaceId + "\"}");
        assertThat(listed.toString()).doesNotContain("s3cret-Pw!").doesNotContain("sluice:enc:");

        String stored = rawConfiguration(id);
        assertThat(stored).doesNotContain("s3cret-Pw!");
        String encrypted = ApiClient.JSON.valueToTree(read(stored)).path("password").asText();
        assertThat(encrypted).startsWith(SecretCipher.PREFIX);
        SecretCipher cipher = SecretCipher.load(Optional.empty(), dir.resolve("data"));
        assertThat(cipher.decrypt(encrypted)).isEqualTo("s3cret-Pw!");

        JsonNode masked = api.ok("/api/v1/destinations/update", """
                {"destinationId": "%s", "name": "warehouse 2", "connectionConfiguration": %s}"""
                .formatted(id, config.formatted("**********")));
        assertThat(masked.path("name").asText()).isEqualTo("warehouse 2");
        assertThat(cipher.decrypt(read(rawConfiguration(id)).path("password").asText())).isEqualTo("s3cret-Pw!");
        assertThat(api.ok("/api/v1/destinations/check_connection", "{\"destinationId\": \"" + id + "\"}")
                .path("status").asText()).isEqualTo("succeeded");

        api.ok("/api/v1/destinations/update", """
                {"destinationId": "%s", "connectionConfiguration": %s}""".formatted(id, config.formatted("n3w-secret")));
        assertThat(cipher.decrypt(read(rawConfiguration(id)).path("password").asText())).isEqualTo("n3w-secret");
    }

    private String rawConfiguration(String actorId) {
        return server.database().jdbi().withHandle(h -> h.createQuery("select configuration from actor where id = :id")
                .bind("id", java.util.UUID.fromString(actorId)).mapTo(String.class).one());
    }

    private static JsonNode read(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void cancelStopsARunningSyncAndASecondSyncReturnsTheRunningJob() {
        String sourceId = createFaker(50_000_000);
        String destinationId = createDuckDb(dir.resolve("cancel.duckdb"));
        String connectionId = createSeedConnection(sourceId, destinationId);
        long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        waitForJob(jobId, Set.of("running"));
        assertThat(api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong()).isEqualTo(jobId);
        assertThat(api.post("/api/v1/connections/reset", "{\"connectionId\": \"" + connectionId + "\"}").status())
                .isEqualTo(409);
        JsonNode cancelled = api.ok("/api/v1/jobs/cancel", "{\"id\": " + jobId + "}");
        assertThat(cancelled.path("job").path("status").asText()).isEqualTo("cancelled");
        JsonNode attempt = cancelled.path("attempts").get(0).path("attempt");
        assertThat(attempt.path("status").asText()).isEqualTo("failed");
        assertThat(attempt.path("failureSummary").path("failures").get(0).path("failureType").asText())
                .isEqualTo("manual_cancellation");
        assertThat(attempt.path("totalStats").path("recordsEmitted").asLong()).isLessThan(50_000_000);
    }

    @Test
    void everyDocumentedPathAnswers() {
        JsonNode doc = api.get("/api/v1/openapi.json").ok();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                for (ApiClient client : new ApiClient[] {api, new ApiClient(server.uiPort())}) {
                    ApiClient.Response response = client.send(method, path.getKey(), method.equals("GET") ? null : "{}");
                    assertThat(response.status()).as(method + " " + path.getKey() + ": " + response.text())
                            .isNotIn(404, 405, 500);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(40);
        assertThat(doc.path("paths").has("/api/v1/connections/sync")).isTrue();
        assertThat(doc.path("components").path("schemas").path("JobInfoRead").path("properties").has("attempts"))
                .isTrue();
    }

    @Test
    void operationsAreStoredAndLinkedToConnections() {
        JsonNode operation = api.ok("/api/v1/operations/create", """
                {"workspaceId": "%s", "name": "Normalization",
                 "operatorConfiguration": {"operatorType": "normalization", "normalization": {"option": "basic"}}}"""
                .formatted(workspaceId));
        String operationId = operation.path("operationId").asText();
        assertThat(api.ok("/api/v1/operations/get", "{\"operationId\": \"" + operationId + "\"}")
                .path("operatorConfiguration").path("normalization").path("option").asText()).isEqualTo("basic");
        ApiClient.Response bad = api.post("/api/v1/operations/create", """
                {"workspaceId": "%s", "name": "x", "operatorConfiguration": {"operatorType": "magic"}}"""
                .formatted(workspaceId));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("validationErrors").get(0).path("propertyPath").asText())
                .isEqualTo("operatorConfiguration.operatorType");

        String sourceId = createFaker(5);
        String destinationId = createDuckDb(dir.resolve("operations.duckdb"));
        ApiClient.Response unknownOperation = api.post("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "operationIds": ["%s"]}"""
                .formatted(sourceId, destinationId, "3f1c7a52-0000-4000-8000-000000000001"));
        assertThat(unknownOperation.status()).isEqualTo(422);
        assertThat(unknownOperation.json().path("validationErrors").get(0).path("propertyPath").asText())
                .isEqualTo("operationIds");
        String connectionId = api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "operationIds": ["%s"]}"""
                .formatted(sourceId, destinationId, operationId)).path("connectionId").asText();
        assertThat(api.ok("/api/v1/operations/list", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("operations").findValuesAsText("operationId")).containsExactly(operationId);
        assertThat(api.ok("/api/v1/operations/update", """
                {"operationId": "%s", "name": "Basic normalization",
                 "operatorConfiguration": {"operatorType": "normalization", "normalization": {"option": "basic"}}}"""
                .formatted(operationId)).path("name").asText()).isEqualTo("Basic normalization");
        assertThat(api.post("/api/v1/operations/delete", "{\"operationId\": \"" + operationId + "\"}").status())
                .isEqualTo(204);
        assertThat(api.ok("/api/v1/operations/list", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("operations").size()).isZero();
    }
}
