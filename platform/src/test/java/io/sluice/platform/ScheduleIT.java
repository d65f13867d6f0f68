package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules fire on db-scheduler over the metadata store, on a clock the test moves: a cron
 * connection syncs at its minutes and not before, and the API shows the next run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScheduleIT {
    /** A Monday, 04:58:30 in New York. */
    private static final Instant START = Instant.parse("2030-01-07T09:58:30Z");

    private final MutableClock clock = new MutableClock(START);
    private Path dir;
    private SluiceServer server;
    private ApiClient api;
    private String workspaceId;

    abstract PlatformSettings settings(Path dataDir);

    @BeforeAll
    void startServer(@TempDir Path tempDir) {
        dir = tempDir;
        server = SluiceServer.start(settings(dir.resolve("data")).withPorts(0, 0), clock);
        api = new ApiClient(server.apiPort());
        workspaceId = api.ok("/api/v1/workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private String connection(String schedule) {
        String sourceId = api.ok("/api/v1/sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "faker",
                 "connectionConfiguration": {"count": 20, "seed": 3}}""".formatted(ApiIT.FAKER, workspaceId))
                .path("sourceId").asText();
        String destinationId = api.ok("/api/v1/destinations/create", """
                {"destinationDefinitionId": "%s", "workspaceId": "%s", "name": "duck",
                 "connectionConfiguration": {"destination_path": "%s"}}"""
                .formatted(ApiIT.DUCKDB, workspaceId, dir.resolve("schedule.duckdb"))).path("destinationId").asText();
        return api.ok("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", %s}""".formatted(sourceId, destinationId, schedule))
                .path("connectionId").asText();
    }

    private Instant nextRun(String connectionId) {
        JsonNode read = api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}");
        assertThat(read.has("nextRunAt")).as(read.toString()).isTrue();
        return Instant.ofEpochSecond(read.path("nextRunAt").asLong());
    }

    private List<JsonNode> jobs(String connectionId) {
        JsonNode list = api.ok("/api/v1/jobs/list", """
                {"configTypes": ["sync"], "configId": "%s"}""".formatted(connectionId));
        return StreamSupport.stream(list.path("jobs").spliterator(), false).map(j -> j.path("job")).toList();
    }

    /** Moves the clock, lets the scheduler look, and waits until the connection has {@code count} finished jobs. */
    private void moveTo(Instant at, String connectionId, int count) {
        clock.set(at);
        server.scheduler().checkNow();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jobs(connectionId).stream().filter(j -> j.path("status").asText().equals("succeeded")).count() < count) {
            assertThat(Instant.now()).as("jobs of " + connectionId + ": " + jobs(connectionId)).isBefore(deadline);
            ApiIT.sleep(100);
        }
    }

    @Test
    void unixCronFiresAtItsMinutesInItsTimeZone() {
        String connectionId = connection("""
                "scheduleType": "cron",
                "scheduleData": {"cron": {"cronExpression": "0 2 * * 1-5", "cronTimeZone": "America/New_York"}}""");
        // 02:00 New York on weekdays is 07:00 UTC in January
        assertThat(nextRun(connectionId)).isEqualTo(Instant.parse("2030-01-08T07:00:00Z"));

        clock.set(Instant.parse("2030-01-08T06:59:59Z"));
        server.scheduler().checkNow();
        ApiIT.sleep(1500);
        assertThat(jobs(connectionId)).isEmpty();

        moveTo(Instant.parse("2030-01-08T07:00:00Z"), connectionId, 1);
        assertThat(jobs(connectionId)).hasSize(1);
        assertThat(nextRun(connectionId)).isEqualTo(Instant.parse("2030-01-09T07:00:00Z"));

        // Friday's run is followed by Monday's
        moveTo(Instant.parse("2030-01-11T07:00:05Z"), connectionId, 2);
        assertThat(nextRun(connectionId)).isEqualTo(Instant.parse("2030-01-14T07:00:00Z"));
        assertThat(jobs(connectionId)).hasSize(2);
    }

    @Test
    void quartzBasicAndManualSchedulesShowTheirNextRun() {
        clock.set(START);
        String connectionId = connection("""
                "scheduleType": "cron",
                "scheduleData": {"cron": {"cronExpression": "0 30 */6 * * ?", "cronTimeZone": "UTC"}}""");
        assertThat(nextRun(connectionId)).isEqualTo(Instant.parse("2030-01-07T12:30:00Z"));

        api.ok("/api/v1/connections/update", """
                {"connectionId": "%s", "scheduleType": "basic",
                 "scheduleData": {"basicSchedule": {"units": 45, "timeUnit": "minutes"}}}""".formatted(connectionId));
        assertThat(nextRun(connectionId)).isEqualTo(START.plus(Duration.ofMinutes(45)));

        api.ok("/api/v1/connections/update", """
                {"connectionId": "%s", "status": "inactive"}""".formatted(connectionId));
        assertThat(api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                .has("nextRunAt")).isFalse();
        api.ok("/api/v1/connections/update", """
                {"connectionId": "%s", "status": "active"}""".formatted(connectionId));
        assertThat(nextRun(connectionId)).isEqualTo(START.plus(Duration.ofMinutes(45)));

        api.ok("/api/v1/connections/update", """
                {"connectionId": "%s", "scheduleType": "manual"}""".formatted(connectionId));
        assertThat(api.ok("/api/v1/connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                .has("nextRunAt")).isFalse();
    }

    @Test
    void aBadCronNamesTheField() {
        ApiClient.Response bad = api.post("/api/v1/connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "scheduleType": "cron",
                 "scheduleData": {"cron": {"cronExpression": "0 */6 * *", "cronTimeZone": "UTC"}}}"""
                .formatted(java.util.UUID.randomUUID(), java.util.UUID.randomUUID()));
        assertThat(bad.status()).isIn(404, 422);
        String connectionId = connection("\"scheduleType\": \"manual\"");
        ApiClient.Response update = api.post("/api/v1/connections/update", """
                {"connectionId": "%s", "scheduleType": "cron",
                 "scheduleData": {"cron": {"cronExpression": "0 */6 * *", "cronTimeZone": "UTC"}}}"""
                .formatted(connectionId));
        assertThat(update.status()).isEqualTo(422);
        assertThat(update.json().toString()).contains("scheduleData.cron.cronExpression").contains("5 fields");
    }
}
