package io.sluice.platform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.metrics.SyncMetrics;
import io.sluice.platform.store.JobDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code connections/health}: a connection's failure rate over its last finished sync jobs and its
 * data freshness (time since the last successful sync); and {@code GET /api/v1/metrics}, the
 * Prometheus scrape.
 */
final class ConnectionHealthApi {
    private static final int DEFAULT_LOOKBACK = 20;

    private final JobDao jobs;
    private final ConnectionApi connections;
    private final SyncMetrics metrics;
    private final Clock clock;

    ConnectionHealthApi(JobDao jobs, ConnectionApi connections, SyncMetrics metrics, Clock clock) {
        this.jobs = jobs;
        this.connections = connections;
        this.metrics = metrics;
        this.clock = clock;
    }

    Object health(Body body) {
        UUID connectionId = body.id("connectionId");
        int lookback = body.json().path("lookback").asInt(DEFAULT_LOOKBACK);
        if (lookback < 1) {
            body.error("lookback", "must be a whole number >= 1");
        }
        body.done();
        connections.find(connectionId);
        List<String> statuses = jobs.lastFinishedSyncStatuses(connectionId.toString(), lookback);
        long failed = statuses.stream().filter("failed"::equals).count();
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put("connectionId", connectionId.toString());
        read.put("jobsConsidered", statuses.size());
        read.put("failedJobs", failed);
        read.put("failureRate", statuses.isEmpty() ? 0.0 : (double) failed / statuses.size());
        Instant lastSuccess = jobs.lastSuccess(connectionId.toString());
        if (lastSuccess != null) {
            read.put("lastSuccessfulSyncAt", lastSuccess.getEpochSecond());
            read.put("freshnessSeconds", Math.max(0, Duration.between(lastSuccess, clock.instant()).toSeconds()));
        }
        return read;
    }

    Object metrics(Body body) {
        return new ApiHandler.Text("text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }
}
