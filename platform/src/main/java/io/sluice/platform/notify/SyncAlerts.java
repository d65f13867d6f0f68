package io.sluice.platform.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.jobs.JobRunner;
import io.sluice.platform.schedule.ConnectionScheduler;
import io.sluice.platform.store.ActorDao;
import io.sluice.platform.store.ActorRow;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.ConnectionRow;
import io.sluice.platform.store.NotificationDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a sync job ends: the workspace's {@code sendOnFailure} / {@code sendOnSuccess}
 * notifications, and after {@code threshold} failed jobs in a row the connection is disabled
 * (status {@code inactive}, no more scheduled runs) and {@code sendOnSyncDisabled} says so.
 */
public final class SyncAlerts implements JobRunner.JobEndListener {
    private static final Logger LOG = LoggerFactory.getLogger(SyncAlerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectionDao connections;
    private final ActorDao actors;
    private final NotificationDao notifications;
    private final ConnectionScheduler scheduler;
    private final Notifier notifier;
    private final int threshold;

    /**
     * @param threshold failed jobs in a row that disable a connection, unless its workspace's
     *     notification settings hold a {@code consecutiveFailureThreshold}; 0 never disables
     */
    public SyncAlerts(ConnectionDao connections, ActorDao actors, NotificationDao notifications,
            ConnectionScheduler scheduler, Notifier notifier, int threshold) {
        this.connections = connections;
        this.actors = actors;
        this.notifications = notifications;
        this.scheduler = scheduler;
        this.notifier = notifier;
        this.threshold = threshold;
    }

    @Override
    public void jobEnded(long jobId, UUID connectionId, String status, Optional<String> failureMessage) {
        try {
            Optional<ConnectionRow> connection = connections.find(connectionId);
            Optional<UUID> workspaceId = connection.flatMap(c -> actors.find(c.sourceId(), "source"))
                    .map(ActorRow::workspaceId);
            if (connection.isEmpty() || workspaceId.isEmpty()) {
                return;
            }
            JsonNode settings = notifications.settings(workspaceId.get()).map(SyncAlerts::parse)
                    .orElseGet(JSON::createObjectNode);
            ConnectionRow row = connection.get();
            ObjectNode event = JSON.createObjectNode().put("workspaceId", workspaceId.get().toString())
                    .put("connectionId", connectionId.toString()).put("connectionName", row.name())
                    .put("jobId", jobId).put("status", status).put("timestamp", Instant.now().toString());
            failureMessage.ifPresent(m -> event.put("errorMessage", m));
            switch (status) {
                case "succeeded" -> send(settings.path("sendOnSuccess"), event.put("event", "sync_succeeded"),
                        "Sync of connection " + row.name() + " (job " + jobId + ") succeeded.");
                case "failed" -> failed(settings, row, jobId, event, failureMessage);
                default -> { }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not handle the end of job {}: {}", jobId, e.getMessage());
        }
    }

    private void failed(JsonNode settings, ConnectionRow row, long jobId, ObjectNode event,
            Optional<String> failureMessage) {
        send(settings.path("sendOnFailure"), event.put("event", "sync_failed"), "Sync of connection " + row.name()
                + " (job " + jobId + ") failed: " + failureMessage.orElse("no message"));
        int threshold = settings.path("consecutiveFailureThreshold").isIntegralNumber()
                ? settings.path("consecutiveFailureThreshold").asInt() : this.threshold;
        if (threshold < 1) {
            return;
        }
        List<String> last = notifications.lastSyncStatuses(row.id().toString(), threshold);
        if (last.size() < threshold || !last.stream().allMatch("failed"::equals)) {
            return;
        }
        if (notifications.disableConnection(row.id(), Instant.now()) == 0) {
            return;
        }
        connections.find(row.id()).ifPresent(scheduler::update);
        LOG.warn("connection {} disabled after {} failed syncs in a row", row.id(), threshold);
        send(settings.path("sendOnSyncDisabled"), event.deepCopy().put("event", "connection_disabled")
                        .put("consecutiveFailures", threshold),
                "Connection " + row.name() + " was disabled after " + threshold + " failed syncs in a row (last: job "
                        + jobId + "). Fix the problem and set it active again.");
    }

    private void send(JsonNode item, ObjectNode event, String text) {
        if (item.isObject()) {
            notifier.send(item, text, event);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
