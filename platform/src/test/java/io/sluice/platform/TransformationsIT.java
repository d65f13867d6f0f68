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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL operations after real syncs (source-faker's users into PostgreSQL and into DuckDB, raw tables
 * on), through the Config API: the seed's stg_customers model written as SQL steps, run in order;
 * a failing step fails the job with its error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransformationsIT {
    static final String FAKER = ConnectorDefinition.builtInId(ActorType.SOURCE, "source-faker").toString();
    static final String DUCKDB = ConnectorDefinition.builtInId(ActorType.DESTINATION, "destination-duckdb").toString();
    static final String POSTGRES = ConnectorDefinition.builtInId(ActorType.DESTINATION, "destination-postgres").toString();
    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    Path dir;
    SluiceServer server;
    ApiClient api;
    String workspaceId;
    final List<String> schemas = new ArrayList<>();

    @BeforeAll
    void startServer(@TempDir Path tempDir) {
        dir = tempDir;
        server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0));
        api = new ApiClient(server.apiPort());
        workspaceId = api.ok("/api/v1/workspaces/list", "").path("workspaces").get(0).path("workspaceId").asText();
    }

    @AfterAll
    void stopServer() throws SQLException {
        if (server != null) {
            server.close();
        }
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void sqlStepsBuildStgCustomersInPostgresAfterTheSyncInOrder() throws SQLException {
        String schema = newSchema();
        String connectionId = connection(postgres(schema), 40,
                operation("stg_customers", """
                        {"operatorType": "sql", "sql": {"statements":
                          "create or replace view stg_customers as select (_airbyte_data->>'id')::int as customer_id,\
                         _airbyte_data->>'name' as name, _airbyte_data->>'email' as email from _airbyte_raw_users;\
                         create table customer_counts as select count(*) as customers from stg_customers"}}"""),
                operation("customer_summary", """
                        {"operatorType": "sql", "sql": {"statements": [
                          "create view customer_summary as select customers * 2 as doubled from customer_counts"]}}"""));

        JsonNode done = sync(connectionId);

        assertThat(done.path("job").path("status").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(pgLongs("select customer_id from " + schema + ".stg_customers order by 1"))
                .hasSize(40).startsWith(1L, 2L, 3L).endsWith(40L);
        assertThat(pgLongs("select count(*) from " + schema + ".stg_customers where email is null or name is null"))
                .containsExactly(0L);
        assertThat(pgLongs("select doubled from " + schema + ".customer_summary")).containsExactly(80L);
        List<String> lines = logLines(done);
        assertThat(lines).filteredOn(l -> l.contains("operation - ")).extracting(l -> l.substring(l.indexOf("operation - ")))
                .startsWith("operation - operation 1 of 2 'stg_customers' (sql) started",
                        "operation - SQL step 1 of 2: create or replace view stg_customers as select "
                                + "(_airbyte_data->>'id')::int as customer_id, _airbyte_data->>'name' as name, "
                                + "_airbyte_data->>'email' as email from _airbyte_raw_users")
                .contains("operation - operation 1 of 2 'stg_customers' succeeded",
                        "operation - operation 2 of 2 'customer_summary' (sql) started",
                        "operation - operation 2 of 2 'customer_summary' succeeded")
                .anyMatch(l -> l.matches("operation - SQL step 2 of 2 done in \\d+ ms: 1 row affected"));
        assertThat(indexOf(lines, "'customer_summary' (sql) started")).isGreaterThan(
                indexOf(lines, "'stg_customers' succeeded"));
        assertThat(indexOf(lines, "'stg_customers' (sql) started")).isGreaterThan(indexOf(lines, "stream users: "));
    }

    @Test
    void aFailingStepFailsTheJobWithItsErrorWithoutRetryAndStopsTheSteps() throws SQLException {
        String schema = newSchema();
        String connectionId = connection(postgres(schema), 5,
                operation("stg_customers", """
                        {"operatorType": "sql", "sql": {"statements":
                          "create table step_one as select 1 as x; select * from no_such_relation; create table step_three (x int)"}}"""),
                operation("never_runs", """
                        {"operatorType": "sql", "sql": {"statements": "create table never_runs (x int)"}}"""));

        JsonNode done = sync(connectionId);

        assertThat(done.path("job").path("status").asText()).as(done.toString()).isEqualTo("failed");
        assertThat(done.path("attempts")).hasSize(1);
        JsonNode failure = done.path("attempts").get(0).path("attempt").path("failureSummary").path("failures").get(0);
        assertThat(failure.path("externalMessage").asText())
                .isEqualTo("SQL step 2 of 'stg_customers' failed: relation \"no_such_relation\" does not exist");
        assertThat(failure.path("failureOrigin").asText()).isEqualTo("dbt");
        assertThat(failure.path("failureType").asText()).isEqualTo("config_error");
        assertThat(pgLongs("select count(*) from " + schema + "._airbyte_raw_users")).containsExactly(5L);
        assertThat(pgLongs("select count(*) from " + schema + ".step_one")).containsExactly(1L);
        assertThat(pgLongs("select count(*) from information_schema.tables where table_schema = '" + schema
                + "' and table_name in ('step_three', 'never_runs')")).containsExactly(0L);
        assertThat(logLines(done)).anyMatch(l -> l.contains("operation - operation 1 of 2 'stg_customers' failed: "
                + "SQL step 2 of 'stg_customers' failed: relation \"no_such_relation\" does not exist"));
    }

    @Test
    void sqlStepsRunOnDuckDbWithItsJsonSyntax() throws SQLException {
        Path file = dir.resolve("transform.duckdb");
        String destination = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s", "schema": "main", "normalization": "none"}}
                """.formatted(DUCKDB, workspaceId, file)).path("destinationId").asText();
        String connectionId = connection(destination, 25, operation("stg_customers", """
                {"operatorType": "sql", "sql": {"statements":
                  "create or replace view stg_customers as select cast(_airbyte_data->>'id' as integer) as customer_id,\
                 _airbyte_data->>'email' as email from _airbyte_raw_users"}}"""));

        JsonNode done = sync(connectionId);

        assertThat(done.path("job").path("status").asText()).as(done.toString()).isEqualTo("succeeded");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), min(customer_id), max(customer_id), count(email)"
                        + " from main.stg_customers")) {
            rs.next();
            assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .containsExactly(25L, 1L, 25L, 25L);
        }
    }

    @Test
    void operationsAreCheckedFieldByField() {
        ApiClient.Response bad = api.post("/api/v1/operations/create", """
                {"workspaceId": "%s", "name": "x",
                 "operatorConfiguration": {"operatorType": "dbt", "dbt": {"gitRepoUrl": "relative/dir"}}}"""
                .formatted(workspaceId));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("validationErrors").findValuesAsText("propertyPath")).containsExactly(
                "operatorConfiguration.dbt.gitRepoUrl", "operatorConfiguration.dbt.dbtArguments");

        JsonNode checked = api.ok("/api/v1/operations/check", """
                {"operatorType": "sql", "sql": {"statements": "select 'unclosed"}}""");
        assertThat(checked.path("status").asText()).isEqualTo("failed");
        assertThat(checked.path("message").asText())
                .isEqualTo("sql.statements has a ' quote opened on line 1 and never closed");
        JsonNode missingFolder = api.ok("/api/v1/operations/check", """
                {"operatorConfiguration": {"operatorType": "dbt",
                 "dbt": {"gitRepoUrl": "/no/such/dbt/project", "dbtArguments": "run"}}}""");
        assertThat(missingFolder.path("validationErrors").get(0).path("propertyPath").asText())
                .isEqualTo("operatorConfiguration.dbt.gitRepoUrl");
        assertThat(api.ok("/api/v1/operations/check", """
                {"operatorType": "dbt", "dbt": {"gitRepoUrl": "https://github.com/acme/analytics.git",
                 "gitRepoBranch": "main", "dockerImage": "fishtownanalytics/dbt:1.0.0", "dbtArguments": "run"}}""")
                .path("status").asText()).isEqualTo("succeeded");

        String id = operation("sql op", """
                {"operatorType": "sql", "sql": {"statements": ["select 1"]}}""");
        ApiClient.Response update = api.post("/api/v1/operations/update", """
                {"operationId": "%s", "operatorConfiguration": {"operatorType": "sql", "sql": {"statements": 3}}}"""
                .formatted(id));
        assertThat(update.status()).isEqualTo(422);
        assertThat(update.json().path("validationErrors").get(0).path("propertyPath").asText())
                .isEqualTo("operatorConfiguration.sql.statements");
    }

    private String newSchema() {
        String schema = "it_transform_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        schemas.add(schema);
        return schema;
    }

    private String postgres(String schema) {
        return api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "pg %s",
                 "connectionConfiguration": {"host": "127.0.0.1", "port": 5432, "database": "test",
                   "schema": "%s", "username": "postgres", "password": "", "ssl_mode": {"mode": "disable"}}}
                """.formatted(POSTGRES, workspaceId, schema, schema)).path("destinationId").asText();
    }

    private String operation(String name, String operatorConfiguration) {
        return api.ok("/api/v1/operations/create", """
                {"workspaceId": "%s", "name": "%s", "operatorConfiguration": %s}"""
                .formatted(workspaceId, name, operatorConfiguration)).path("operationId").asText();
    }

    private String connection(String destinationId, int users, String... operationIds) {
        String sourceId = api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "faker",
                 "connectionConfiguration": {"count": %d, "seed": 7}}
                """.formatted(FAKER, workspaceId, users)).path("sourceId").asText();
        String ids = String.join(", ", java.util.Arrays.stream(operationIds).map(id -> "\"" + id + "\"").toList());
        return api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "operationIds": [%s],
                 "syncCatalog": {"streams": [{"stream": {"name": "users", "jsonSchema": {}},
                   "config": {"syncMode": "full_refresh", "destinationSyncMode": "overwrite"}}]}}
                """.formatted(sourceId, destinationId, ids)).path("connectionId").asText();
    }

    private JsonNode sync(String connectionId) {
        long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                .path("job").path("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode info = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            if (List.of("succeeded", "failed", "cancelled").contains(info.path("job").path("status").asText())) {
                return info;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " did not end: " + info);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> logLines(JsonNode done) {
        List<String> lines = new ArrayList<>();
        done.path("attempts").get(0).path("logs").path("logLines").forEach(l -> lines.add(l.asText()));
        return lines;
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no log line contains " + part + ": " + lines);
    }

    private static List<Long> pgLongs(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        }
    }
}
