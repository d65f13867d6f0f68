package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.store.JobDao;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server-only node and worker-only nodes in one JVM, sharing nothing but a PostgreSQL metadata
 * store: the server queues, a worker runs, cancels travel through the database, and the database
 * keeps one active job per connection.
 */
class NodesIT {
    @TempDir
    Path dir;

    private PostgresDatabase database;
    private PlatformSettings settings;

    @BeforeEach
    void store() {
        database = new PostgresDatabase();
        settings = PlatformSettings.fromEnvironment(Map.of("SLUICE_SECRET_KEY",
                        Base64.getEncoder().encodeToString(new byte[32])))
                .withDatabaseUrl(Optional.of(database.libpqUrl())).withPorts(0, 0).withDataDir(dir.resolve("data"));
    }

    @AfterEach
    void dropStore() {
        database.close();
    }

    @Test
    void serverAndWorkerRolesNeedASharedStore() {
        assertThatThrownBy(() -> SluiceServer.start(settings.withDatabaseUrl(Optional.empty()),
                node(NodeSettings.Role.WORKER, "w"), Clock.systemUTC()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("--role worker").hasMessageContaining("SLUICE_DATABASE_URL");
    }

    @Test
    void aCancelSentToTheServerStopsTheSyncOnTheWorkerAndOneJobPerConnection() throws Exception {
        try (SluiceServer server = start(NodeSettings.Role.SERVER, "srv");
                SluiceServer worker = start(NodeSettings.Role.WORKER, "w1")) {
            ApiClient api = new ApiClient(server.apiPort());
            String connectionId = bigFakerConnection(api);
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<Long>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(callers.submit(() -> api.ok("/api/v1/connections/sync",
                        "{\"connectionId\": \"" + connectionId + "\"}").path("job").path("id").asLong()));
            }
            Set<Long> distinct = new java.util.HashSet<>();
            for (Future<Long> id : ids) {
                distinct.add(id.get());
            }
            callers.shutdown();
            assertThat(distinct).hasSize(1);
            long jobId = distinct.iterator().next();
            JobDao jobs = server.database().dao(JobDao.class);
            assertThatThrownBy(() -> jobs.insertActiveJob("sync", connectionId, Instant.now()))
                    .isInstanceOf(JdbiException.class);
            assertThat(jobs.activeJob(connectionId)).contains(jobId);

            api.awaitJob(jobId, Set.of("running"), Duration.ofSeconds(60));
            awaitRecords(api, jobId, 1);
            Instant asked = Instant.now();
            JsonNode cancelled = api.ok("/api/v1/jobs/cancel", "{\"id\": " + jobId + "}");
            assertThat(cancelled.path("job").path("status").asText()).isEqualTo("cancelled");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(cancelled.path("attempts").get(0).path("attempt").path("failureSummary").path("failures").get(0)
                    .path("failureType").asText()).isEqualTo("manual_cancellation");
            assertThat(jobs.attemptNode(jobs.attempts(jobId).get(0).id())).contains("w1");
            assertThat(jobs.activeJob(connectionId)).isEmpty();
        }
    }

    @Test
    void aWorkerThatStopsHandsItsJobToTheNextWorker() throws Exception {
        try (SluiceServer server = start(NodeSettings.Role.SERVER, "srv")) {
            ApiClient api = new ApiClient(server.apiPort());
            String connectionId = bigFakerConnection(api);
            long jobId;
            try (SluiceServer first = start(NodeSettings.Role.WORKER, "w1")) {
                jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                        .path("job").path("id").asLong();
                api.awaitJob(jobId, Set.of("running"), Duration.ofSeconds(60));
                awaitRecords(api, jobId, 1);
            }
            JsonNode left = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            assertThat(left.path("job").path("status").asText()).isEqualTo("incomplete");
            assertThat(left.path("attempts").get(0).path("attempt").path("failureSummary").toString())
                    .contains("worker w1 stopped");
            try (SluiceServer second = start(NodeSettings.Role.WORKER, "w2")) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                JsonNode job = left;
                while (job.path("attempts").size() < 2) {
                    assertThat(Instant.now()).as(job.toString()).isBefore(deadline);
                    ApiIT.sleep(100);
                    job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
                }
                JobDao jobs = server.database().dao(JobDao.class);
                assertThat(jobs.attemptNode(jobs.attempts(jobId).get(1).id())).contains("w2");
                assertThat(api.ok("/api/v1/jobs/cancel", "{\"id\": " + jobId + "}").path("job").path("status")
                        .asText()).isEqualTo("cancelled");
            }
        }
    }

    @Test
    void aWorkerWhoseAttemptWasTakenOverStopsItsSyncAndLeavesTheJobAlone() throws Exception {
        try (SluiceServer server = start(NodeSettings.Role.SERVER, "srv");
                SluiceServer worker = start(NodeSettings.Role.WORKER, "w1")) {
            ApiClient api = new ApiClient(server.apiPort());
            String connectionId = bigFakerConnection(api);
            long jobId = api.ok("/api/v1/connections/sync", "{\"connectionId\": \"" + connectionId + "\"}")
                    .path("job").path("id").asLong();
            api.awaitJob(jobId, Set.of("running"), Duration.ofSeconds(60));
            awaitRecords(api, jobId, 1);
            JobDao jobs = server.database().dao(JobDao.class);
            long attemptId = jobs.attempts(jobId).get(0).id();
            // what another worker does when it takes a job over whose heartbeats stopped
            jobs.finishAttempt(attemptId, "failed", null, "{\"failures\": [{\"externalMessage\": \"taken over\"}]}",
                    Instant.now());

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            JsonNode job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            while (!job.path("attempts").get(0).path("logs").toString().contains("another worker took this attempt")) {
                assertThat(Instant.now()).as(job.toString()).isBefore(deadline);
                ApiIT.sleep(100);
                job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            }
            assertThat(job.path("job").path("status").asText()).isEqualTo("running");
            assertThat(job.path("attempts").get(0).path("attempt").path("failureSummary").toString())
                    .contains("taken over");
            // no heartbeat keeps the execution now: it is revived and run as the next attempt
            job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            while (job.path("attempts").size() < 2) {
                assertThat(Instant.now()).as(job.toString()).isBefore(deadline);
                ApiIT.sleep(100);
                job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            }
            assertThat(api.ok("/api/v1/jobs/cancel", "{\"id\": " + jobId + "}").path("job").path("status").asText())
                    .isEqualTo("cancelled");
        }
    }

    private SluiceServer start(NodeSettings.Role role, String name) {
        return SluiceServer.start(settings, node(role, name), Clock.systemUTC());
    }

    private NodeSettings node(NodeSettings.Role role, String name) {
        return new NodeSettings(role, name, Duration.ofSeconds(1), 4, Duration.ofMillis(200), -1);
    }

    private String bigFakerConnection(ApiClient api) {
        String workspaceId = api.ok("/api/v1/workspaces/list", "{}").path("workspaces").get(0).path("workspaceId")
                .asText();
        String sourceId = api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "faker",
                 "connectionConfiguration": {"count": 50000000, "seed": 1}}""".formatted(ApiIT.FAKER, workspaceId))
                .path("sourceId").asText();
        String destinationId = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(ApiIT.DUCKDB, workspaceId, dir.resolve("nodes.duckdb"))).path("destinationId").asText();
        return api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "syncCatalog": {"streams": [{"stream": {"name": "users"},
                  "config": {"syncMode": "full_refresh", "destinationSyncMode": "append", "selected": true}}]}}"""
                .formatted(sourceId, destinationId)).path("connectionId").asText();
    }

    private static void awaitRecords(ApiClient api, long jobId, long records) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = api.ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
            JsonNode attempts = job.path("attempts");
            if (attempts.size() > 0 && attempts.get(attempts.size() - 1).path("attempt").path("totalStats")
                    .path("recordsEmitted").asLong() >= records) {
                return;
            }
            assertThat(Instant.now()).as(job.toString()).isBefore(deadline);
            ApiIT.sleep(100);
        }
    }
}
