package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.connectors.ConnectorDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code sluice up} processes on one PostgreSQL metadata store: a server and two workers.
 * The worker running a sync is killed (kill -9) half-way; the other worker takes the job over as a
 * new attempt that resumes from the acknowledged state, and the destination ends with every row
 * exactly once. A cancel sent to the server then stops a sync on the remaining worker. And a
 * single {@code all} node on the embedded store, killed the same way, resumes its job when it
 * starts again.
 */
class SeveralNodesIT {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /**
     * Enough rows that a sync outlasts destination-postgres' commit interval (10 s) on a fast quiet
     * machine: its first state is acknowledged at the first commit after that, and the kill must
     * come after an acknowledged state and before the end (2M rows were read in 8 s here, so their
     * only commit was the last one).
     */
    private static final int ROWS = 4_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API = Pattern.compile("Config API: http://[^:]+:(\\d+)/api/v1");

    @TempDir
    Path dir;

    private final String database = "sluice_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final HttpClient http = HttpClient.newHttpClient();
    private Connection db;
    private int apiPort;

    @BeforeEach
    void createDatabase() throws SQLException {
        admin("create database " + database);
        db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
        sql("create schema src");
        sql("create table src.orders (id bigint primary key, customer text, amount numeric(12,2),"
                + " updated_at timestamptz not null)");
        sql("insert into src.orders select g, 'customer ' || (g % 977), (g % 10000) / 100.0,"
                + " timestamptz '2024-01-01' + g * interval '1 millisecond' from generate_series(1, " + ROWS + ") g");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try {
            db.close();
        } finally {
            admin("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void aKilledWorkersSyncGoesOnOnTheOtherWorkerFromTheAcknowledgedState() throws Exception {
        Map<String, String> env = Map.of(
                "SLUICE_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database,
                "SLUICE_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                "SLUICE_HEARTBEAT_SECONDS", "1",
                "SLUICE_MISSED_HEARTBEATS", "4",
                "SLUICE_JOB_POLL_MILLIS", "300",
                "SLUICE_SYNC_MAX_ATTEMPTS", "3",
                "SLUICE_RETRY_BACKOFF_SECONDS", "1");
        String data = dir.resolve("data").toString();
        try (NodeProcess server = NodeProcess.start("server", dir, env, "--role", "server", "--api-port", "0",
                        "--ui-port", "0", "--data-dir", data);
                NodeProcess workerA = NodeProcess.start("worker-a", dir, env, "--role", "worker", "--health-port", "0",
                        "--data-dir", data);
                NodeProcess workerB = NodeProcess.start("worker-b", dir, env, "--role", "worker", "--data-dir", data)) {
            apiPort = Integer.parseInt(server.await(API, Duration.ofSeconds(90)));
            String health = workerA.await(Pattern.compile("Health: (http://\\S+/health)"), Duration.ofSeconds(90));
            workerB.await(Pattern.compile("Sluice worker worker-b is up"), Duration.ofSeconds(90));
            assertThat(http.send(HttpRequest.newBuilder(URI.create(health)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("\"role\":\"worker\"");

            String connectionId = connection("dst", "incremental", "append_dedup");
            long jobId = api("connections/sync", "{\"connectionId\": \"" + connectionId + "\"}").path("job").path("id")
                    .asLong();
            // the database lets a connection have one active job, whichever node is asked
            assertThat(api("connections/sync", "{\"connectionId\": \"" + connectionId + "\"}").path("job").path("id")
                    .asLong()).isEqualTo(jobId);

            String first = awaitAcknowledgedState(jobId, connectionId);
            NodeProcess victim = first.equals(workerA.name()) ? workerA : workerB;
            NodeProcess survivor = victim == workerA ? workerB : workerA;
            victim.kill();

            JsonNode done = awaitJob(jobId, Set.of("succeeded", "failed", "cancelled"), Duration.ofMinutes(6));
            assertThat(done.path("job").path("status").asText()).as(done.toString()).isEqualTo("succeeded");
            JsonNode attempts = done.path("attempts");
            assertThat(attempts.size()).isEqualTo(2);
            JsonNode dead = attempts.get(0).path("attempt");
            assertThat(dead.path("status").asText()).isEqualTo("failed");
            assertThat(dead.path("failureSummary").path("failures").get(0).path("externalMessage").asText())
                    .contains("worker " + victim.name() + " stopped responding");
            assertThat(scalar("select node from attempt where job_id = " + jobId + " and attempt_number = 2"))
                    .isEqualTo(survivor.name());
            JsonNode resumed = attempts.get(1).path("attempt");
            assertThat(resumed.path("totalStats").path("recordsEmitted").asLong()).isPositive().isLessThan(ROWS);
            assertThat(attempts.get(1).path("logs").path("logLines").toString())
                    .contains("attempt 2 on worker " + survivor.name());
            assertThat(count("select count(*) from dst.orders")).isEqualTo(ROWS);
            assertThat(count("select count(distinct id) from dst.orders")).isEqualTo(ROWS);
            assertThat(count("select count(*) from dst.orders d join src.orders s using (id) where d.amount = s.amount"
                    + " and d.customer = s.customer and d.updated_at = s.updated_at")).isEqualTo(ROWS);

            // a cancel sent to the server reaches the sync running on the remaining worker
            String copy = connection("dst_copy", "full_refresh", "overwrite");
            long copyJob = api("connections/sync", "{\"connectionId\": \"" + copy + "\"}").path("job").path("id")
                    .asLong();
            awaitJob(copyJob, Set.of("running"), Duration.ofSeconds(60));
            Instant asked = Instant.now();
            JsonNode cancelled = api("jobs/cancel", "{\"id\": " + copyJob + "}");
            assertThat(cancelled.path("job").path("status").asText()).as(cancelled.toString()).isEqualTo("cancelled");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(cancelled.path("attempts").get(0).path("attempt").path("failureSummary").path("failures").get(0)
                    .path("failureType").asText()).isEqualTo("manual_cancellation");
            assertThat(scalar("select node from attempt where job_id = " + copyJob)).isEqualTo(survivor.name());
        }
    }

    @Test
    void anAllNodeKilledMidSyncResumesItsJobWhenItStartsAgainOnTheEmbeddedStore() throws Exception {
        Map<String, String> env = Map.of("SLUICE_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        String[] args = {"--api-port", "0", "--ui-port", "0", "--data-dir", dir.resolve("data").toString()};
        long jobId;
        String connectionId;
        try (NodeProcess first = NodeProcess.start("all-1", dir, env, args)) {
            apiPort = Integer.parseInt(first.await(API, Duration.ofSeconds(90)));
            connectionId = connection("dst", "incremental", "append_dedup");
            jobId = api("connections/sync", "{\"connectionId\": \"" + connectionId + "\"}").path("job").path("id")
                    .asLong();
            awaitStoredState(jobId, connectionId);
            first.kill();
        }
        try (NodeProcess again = NodeProcess.start("all-2", dir, env, args)) {
            apiPort = Integer.parseInt(again.await(API, Duration.ofSeconds(90)));
            JsonNode done = awaitJob(jobId, Set.of("succeeded", "failed", "cancelled"), Duration.ofMinutes(6));
            assertThat(done.path("job").path("status").asText()).as(done.toString()).isEqualTo("succeeded");
            assertThat(done.path("attempts").size()).isEqualTo(2);
            assertThat(done.path("attempts").get(0).path("attempt").path("failureSummary").toString())
                    .contains("worker all-1 stopped responding");
            assertThat(done.path("attempts").get(1).path("attempt").path("totalStats").path("recordsEmitted").asLong())
                    .isPositive().isLessThan(ROWS);
            assertThat(count("select count(*) from dst.orders")).isEqualTo(ROWS);
            assertThat(count("select count(distinct id) from dst.orders")).isEqualTo(ROWS);
        }
    }

    /** Waits until a state of the running job is in the H2 store, read through {@code state/get}. */
    private void awaitStoredState(long jobId, String connectionId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (api("state/get", "{\"connectionId\": \"" + connectionId + "\"}").path("stateType").asText("not_set")
                .equals("not_set")) {
            JsonNode job = api("jobs/get", "{\"id\": " + jobId + "}");
            assertThat(job.path("job").path("status").asText()).as(job.toString()).isIn("pending", "running");
            assertThat(Instant.now()).as("no state was acknowledged in time").isBefore(deadline);
            NodeProcess.sleep(50);
        }
        assertThat(api("jobs/get", "{\"id\": " + jobId + "}").path("job").path("status").asText())
                .as("the sync ended before the kill").isEqualTo("running");
    }

    /** Waits until the job's first attempt runs and the store holds a state it acknowledged; its node. */
    private String awaitAcknowledgedState(long jobId, String connectionId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (count("select count(*) from connection_state where connection_id = '" + connectionId + "'") == 0) {
            JsonNode job = api("jobs/get", "{\"id\": " + jobId + "}");
            assertThat(job.path("job").path("status").asText()).as(job.toString()).isIn("pending", "running");
            assertThat(Instant.now()).as("no state was acknowledged in time").isBefore(deadline);
            NodeProcess.sleep(50);
        }
        JsonNode job = api("jobs/get", "{\"id\": " + jobId + "}");
        assertThat(job.path("job").path("status").asText()).as("the sync ended before the kill").isEqualTo("running");
        return scalar("select node from attempt where job_id = " + jobId + " and attempt_number = 1");
    }

    private String connection(String schema, String syncMode, String destinationSyncMode) throws Exception {
        String workspaceId = api("workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
        String sourceId = api("sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "orders %s",
                 "connectionConfiguration": {"host": "127.0.0.1", "port": 5432, "database": "%s",
                   "username": "postgres", "schemas": ["src"]}}"""
                .formatted(ConnectorDefinition.builtInId(ActorType.SOURCE, "source-postgres"), workspaceId, schema,
                        database)).path("sourceId").asText();
        String destinationId = api("destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "%s",
                 "connectionConfiguration": {"host": "127.0.0.1", "port": 5432, "database": "%s",
                   "username": "postgres", "schema": "%s"}}"""
                .formatted(ConnectorDefinition.builtInId(ActorType.DESTINATION, "destination-postgres"), workspaceId,
                        schema, database, schema)).path("destinationId").asText();
        return api("connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "namespaceDefinition": "destination",
                 "syncCatalog": {"streams": [{"stream": {"name": "orders", "namespace": "src"},
                   "config": {"syncMode": "%s", "destinationSyncMode": "%s", "cursorField": ["updated_at"],
                              "primaryKey": [["id"]], "selected": true}}]}}"""
                .formatted(sourceId, destinationId, syncMode, destinationSyncMode)).path("connectionId").asText();
    }

    private JsonNode awaitJob(long jobId, Set<String> statuses, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        JsonNode job = api("jobs/get", "{\"id\": " + jobId + "}");
        while (!statuses.contains(job.path("job").path("status").asText())) {
            assertThat(Instant.now()).as(job.toString()).isBefore(deadline);
            NodeProcess.sleep(200);
            job = api("jobs/get", "{\"id\": " + jobId + "}");
        }
        return job;
    }

    private JsonNode api(String call, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + apiPort + "/api/v1/" + call))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void sql(String statement) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        return Long.parseLong(scalar(query));
    }

    private String scalar(String query) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

    private static void admin(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
