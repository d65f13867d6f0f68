package io.sluice.platform.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.platform.store.AttemptRow;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.ConnectionRow;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the syncs of continuous connections ({@code scheduleType: continuous}) running. Checked
 * periodically ({@link #check}), with every decision read from the metadata store, so a restarted
 * server picks up where the previous one stopped:
 * <ul>
 *   <li>an active continuous connection without a pending or running job gets one, unless its last
 *       sync was cancelled by someone after the connection was last changed (a cancel stops it until
 *       the next manual sync, or until the connection is updated, e.g. disabled and enabled again);
 *       after a job that ended otherwise (failed after its retries) it waits {@code restartDelay}
 *       first; a job whose worker stopped is not ended but handed over, and goes on on the next worker;</li>
 *   <li>the job of a continuous connection that is disabled, deleted or no longer continuous is
 *       cancelled.</li>
 * </ul>
 */
public final class ContinuousConnections {
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousConnections.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectionDao connections;
    private final JobDao jobs;
    private final ConnectionScheduler.Trigger trigger;
    private final LongConsumer cancel;
    private final Duration restartDelay;
    private final Clock clock;
    /** Connections seen active and continuous at the last check: leaving the set cancels their job. */
    private Set<UUID> following = new HashSet<>();

    /**
     * @param trigger starts (or joins) a connection's sync
     * @param cancel cancels a job by id and waits until it stopped
     */
    public ContinuousConnections(ConnectionDao connections, JobDao jobs, ConnectionScheduler.Trigger trigger,
            LongConsumer cancel, Duration restartDelay, Clock clock) {
        this.connections = connections;
        this.jobs = jobs;
        this.trigger = trigger;
        this.cancel = cancel;
        this.restartDelay = restartDelay;
        this.clock = clock;
    }

    /** One pass over the connections; never throws (it runs on a timer). */
    public synchronized void check() {
        try {
            Set<UUID> now = new HashSet<>();
            for (ConnectionRow row : connections.listAll()) {
                boolean continuous = SyncSchedule.CONTINUOUS.equals(row.scheduleType());
                if (continuous && row.status().equals("active")) {
                    now.add(row.id());
                    keepRunning(row);
                } else if (continuous || following.contains(row.id())) {
                    stop(row);
                }
            }
            following = now;
        } catch (RuntimeException e) {
            LOG.warn("checking the continuous connections failed: {}", e.getMessage());
        }
    }

    private void keepRunning(ConnectionRow row) {
        String scope = row.id().toString();
        if (jobs.findActive(scope).isPresent()) {
            return;
        }
        Optional<JobRow> last = lastSync(scope);
        if (last.isPresent() && cancelledByUser(last.get()) && !last.get().updatedAt().isBefore(row.updatedAt())) {
            return;
        }
        if (last.isPresent() && last.get().updatedAt().plus(restartDelay).isAfter(clock.instant())) {
            return;
        }
        long jobId = trigger.sync(row.id());
        LOG.info("continuous connection {}: {} sync, job {}", row.id(),
                last.map(j -> "restarting its " + j.status() + " ").orElse("starting its first "), jobId);
    }

    private void stop(ConnectionRow row) {
        jobs.findActive(row.id().toString()).filter(j -> j.configType().equals("sync")).ifPresent(job -> {
            LOG.info("connection {} is no longer an active continuous connection: cancelling job {}", row.id(), job.id());
            cancel.accept(job.id());
        });
    }

    /** A cancelled job whose last attempt says it was cancelled by someone (not stopped with the server). */
    private boolean cancelledByUser(JobRow job) {
        if (!job.status().equals("cancelled")) {
            return false;
        }
        List<AttemptRow> attempts = jobs.attempts(job.id());
        if (attempts.isEmpty() || attempts.getLast().failureSummary() == null) {
            return true;
        }
        try {
            return JSON.readTree(attempts.getLast().failureSummary()).path("failures").path(0).path("failureType")
                    .asText("manual_cancellation").equals("manual_cancellation");
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private Optional<JobRow> lastSync(String scope) {
        List<JobRow> last = jobs.list(scope, List.of("sync"), 1, 0);
        return last.stream().findFirst();
    }
}
