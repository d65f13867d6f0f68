package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL metadata store share the schedules through db-scheduler's table:
 * each scheduled run starts one sync, not one per server.
 */
class SharedScheduleIT {
    @TempDir
    Path dir;

    @Test
    void aScheduledRunFiresOnOneServerOnly() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-07T09:58:30Z"));
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (PostgresDatabase database = new PostgresDatabase()) {
            PlatformSettings base = PlatformSettings.fromEnvironment(Map.of("SLUICE_SECRET_KEY", key))
                    .withDatabaseUrl(Optional.of(database.libpqUrl())).withPorts(0, 0);
            try (SluiceServer first = SluiceServer.start(base.withDataDir(dir.resolve("a")), clock);
                    SluiceServer second = SluiceServer.start(base.withDataDir(dir.resolve("b")), clock)) {
                ApiClient api = new ApiClient(first.apiPort());
                String workspaceId = api.ok("/api/v1/workspaces/list", "{}").path("workspaces").get(0)
                        .path("workspaceId").asText();
                String sourceId = api.ok("/api/v1/sources/create", """
                        {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "faker",
                         "connectionConfiguration": {"count": 10, "seed": 3}}""".formatted(ApiIT.FAKER, workspaceId))
                        .path("sourceId").asText();
                String destinationId = api.ok("/api/v1/destinations/create", """
                        {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                         "connectionConfiguration": {"destination_path": "%s"}}"""
                        .formatted(ApiIT.DUCKDB, workspaceId, dir.resolve("shared.duckdb"))).path("destinationId").asText();
                String connectionId = api.ok("/api/v1/connections/create", """
                        {"sourceId": "%s", "destinationId": "%s", "scheduleType": "cron",
                         "scheduleData": {"cron": {"cronExpression": "*/15 * * * *", "cronTimeZone": "UTC"}}}"""
                        .formatted(sourceId, destinationId)).path("connectionId").asText();
                ApiClient other = new ApiClient(second.apiPort());
                assertThat(other.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                        .path("nextRunAt").asLong()).isEqualTo(Instant.parse("2030-01-07T10:00:00Z").getEpochSecond());

                clock.set(Instant.parse("2030-01-07T10:00:00Z"));
                first.scheduler().checkNow();
                second.scheduler().checkNow();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                JsonNode jobs = jobs(api, connectionId);
                while (jobs.path("totalJobCount").asInt() < 1
                        || !jobs.path("jobs").path(0).path("job").path("status").asText().equals("succeeded")) {
                    assertThat(Instant.now()).as(jobs.toString()).isBefore(deadline);
                    ApiIT.sleep(100);
                    jobs = jobs(api, connectionId);
                }
                // both servers looked again after the run: still one job, and the next run is the next quarter
                first.scheduler().checkNow();
                second.scheduler().checkNow();
                ApiIT.sleep(1500);
                assertThat(jobs(other, connectionId).path("totalJobCount").asInt()).isEqualTo(1);
                assertThat(other.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                        .path("nextRunAt").asLong()).isEqualTo(Instant.parse("2030-01-07T10:15:00Z").getEpochSecond());
            }
        }
    }

    private static JsonNode jobs(ApiClient api, String connectionId) {
        return api.ok("/api/v1/jobs/list", "{\"configTypes\": [\"sync\"], \"configId\": \"" + connectionId + "\"}");
    }
}
