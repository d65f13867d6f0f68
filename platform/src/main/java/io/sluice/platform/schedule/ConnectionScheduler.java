package io.sluice.platform.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.ConnectionRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts connections' syncs on their schedules through db-scheduler, whose {@code scheduled_tasks}
 * table lives in the metadata store: one task instance per scheduled connection, holding its next
 * run as the execution time and a fingerprint of the schedule it was computed from. When it fires
 * it asks the job runner for a sync (which returns the running job if there is one) and moves
 * itself to the following run. Several processes on one database share the table; each run fires
 * on one of them.
 */
public final class ConnectionScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionScheduler.class);
    static final String TASK = "connection-sync";

    /** What a firing schedule does: start (or join) a sync of the connection. */
    @FunctionalInterface
    public interface Trigger {
        long sync(UUID connectionId);
    }

    private final ConnectionDao connections;
    private final Clock clock;
    private final Scheduler scheduler;
    private volatile Trigger trigger;

    public ConnectionScheduler(DataSource dataSource, ConnectionDao connections, Clock clock, Duration pollInterval) {
        this.connections = connections;
        this.clock = clock;
        CustomTask<String> task = Tasks.custom(TASK, String.class).execute((instance, context) -> {
            UUID connectionId = UUID.fromString(instance.getId());
            Optional<ConnectionRow> row = connections.find(connectionId).filter(ConnectionScheduler::runs);
            Optional<Instant> next = row.flatMap(r -> schedule(r).nextAfter(clock.instant()));
            row.ifPresent(r -> fire(connectionId));
            String fingerprint = row.map(ConnectionScheduler::fingerprint).orElse(null);
            return (complete, operations) -> next.ifPresentOrElse(
                    at -> operations.reschedule(complete, at, fingerprint), operations::remove);
        });
        this.scheduler = Scheduler.create(dataSource, task)
                .clock(clock::instant)
                .pollingInterval(pollInterval)
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Hostname())
                .build();
    }

    /** Reconciles every connection's task with its row, then starts firing them into {@code trigger}. */
    public void start(Trigger syncTrigger) {
        this.trigger = Objects.requireNonNull(syncTrigger, "trigger");
        connections.listAll().forEach(this::update);
        scheduler.start();
    }

    /** Makes the connection's task match its row: scheduled at the next run, or removed. */
    public void update(ConnectionRow row) {
        TaskInstanceId id = TaskInstanceId.of(TASK, row.id().toString());
        Optional<ScheduledExecution<Object>> current = scheduler.getScheduledExecution(id);
        Optional<Instant> next = runs(row) ? schedule(row).nextAfter(clock.instant()) : Optional.empty();
        try {
            if (next.isEmpty()) {
                if (current.isPresent() && !current.get().isPicked()) {
                    scheduler.cancel(id);
                }
                return;
            }
            String fingerprint = fingerprint(row);
            if (current.isEmpty()) {
                scheduler.schedule(taskInstance(row.id(), fingerprint), next.get());
            } else if (!fingerprint.equals(current.get().getData()) && !current.get().isPicked()) {
                scheduler.reschedule(id, next.get(), fingerprint);
            }
        } catch (RuntimeException e) {
            // a run firing right now reschedules itself from the row it reads when it completes
            LOG.warn("could not update the schedule of connection {}: {}", row.id(), e.getMessage());
        }
    }

    /** When the connection syncs next by its schedule; empty for manual or inactive connections. */
    public Optional<Instant> nextRun(UUID connectionId) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(TASK, connectionId.toString()))
                .map(ScheduledExecution::getExecutionTime);
    }

    /** Looks for due runs now instead of at the next poll (tests that move the clock use it). */
    public void checkNow() {
        scheduler.triggerCheckForDueExecutions();
    }

    private com.github.kagkarlsson.scheduler.task.TaskInstance<String> taskInstance(UUID id, String fingerprint) {
        return new com.github.kagkarlsson.scheduler.task.TaskInstance<>(TASK, id.toString(), fingerprint);
    }

    private void fire(UUID connectionId) {
        Trigger current = trigger;
        if (current == null) {
            return;
        }
        try {
            long jobId = current.sync(connectionId);
            LOG.info("scheduled sync of connection {}: job {}", connectionId, jobId);
        } catch (RuntimeException e) {
            LOG.error("could not start the scheduled sync of connection {}", connectionId, e);
        }
    }

    private static boolean runs(ConnectionRow row) {
        return row.status().equals("active") && !row.scheduleType().equals("manual");
    }

    private static SyncSchedule schedule(ConnectionRow row) {
        try {
            return SyncSchedule.of(row.scheduleType(), row.scheduleData());
        } catch (IllegalArgumentException e) {
            LOG.warn("connection {} has a schedule that cannot run: {}", row.id(), e.getMessage());
            return new SyncSchedule.Manual();
        }
    }

    private static String fingerprint(ConnectionRow row) {
        return row.scheduleType() + " " + row.scheduleData();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
