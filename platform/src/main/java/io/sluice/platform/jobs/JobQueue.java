package io.sluice.platform.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the API puts jobs for the workers: a job row (which takes its connection's one active-job
 * slot in the database, so a second sync of the connection returns the first one whichever node
 * asks) and a db-scheduler execution in {@code job_executions} that any worker node picks.
 * Cancels are stored on the job row for the worker running it.
 */
public final class JobQueue {
    private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(20);
    private static final Duration RESET_WAIT = Duration.ofMinutes(10);

    /** Makes the queue (and this node's worker, if it has one) once the planner, which needs the API's lookups, exists. */
    @FunctionalInterface
    public interface Factory {
        JobQueue create(PreparedSync.Planner planner);
    }

    private final JobDao jobs;
    private final SchedulerClient executions;
    private final Runnable wakeWorker;

    /**
     * @param wakeWorker asks this process's worker (if it has one) to look for the new job now
     *     instead of at its next poll
     */
    public JobQueue(JobDao jobs, DataSource dataSource, Runnable wakeWorker) {
        this.jobs = jobs;
        this.executions = SchedulerClient.Builder.create(dataSource, JobWorker.task((instance, context) -> {
            throw new IllegalStateException("jobs run on workers");
        })).tableName(JobWorker.TABLE).build();
        this.wakeWorker = wakeWorker;
    }

    /** Queues a sync of the connection, or returns the job already pending or running for it. */
    public long sync(UUID connectionId) {
        for (int tries = 0; ; tries++) {
            Optional<Long> job = queue("sync", connectionId).or(() -> jobs.activeJob(connectionId.toString()));
            if (job.isPresent() || tries >= 3) {
                return job.orElseThrow(() -> new IllegalStateException("cannot queue a sync of " + connectionId));
            }
        }
    }

    /**
     * Resets the connection in a {@code reset_connection} job and waits (bounded) until a worker
     * has run it: its streams are emptied in the destination and its state is cleared. Empty when
     * a job of the connection is pending, running or waiting to retry.
     */
    public Optional<Long> reset(UUID connectionId) {
        Optional<Long> job = queue("reset_connection", connectionId);
        job.ifPresent(id -> awaitEnd(id, RESET_WAIT));
        return job;
    }

    /** Cancels a job wherever it runs and waits (bounded) until it has stopped. */
    public void cancel(long jobId) {
        jobs.requestCancel(jobId);
        if (jobs.cancelIfPending(jobId, Instant.now())) {
            LOG.info("job {} cancelled before a worker took it", jobId);
            try {
                executions.cancel(TaskInstanceId.of(JobWorker.TASK, Long.toString(jobId)));
            } catch (RuntimeException e) {
                // a worker picked it meanwhile: it sees the job cancelled and drops it
            }
            return;
        }
        if (!awaitEnd(jobId, CANCEL_WAIT)) {
            LOG.warn("job {} did not stop within {} s of its cancel", jobId, CANCEL_WAIT.toSeconds());
        }
    }

    /** A new job holding the connection's slot, queued for the workers; empty when another job holds it. */
    private Optional<Long> queue(String configType, UUID connectionId) {
        String scope = connectionId.toString();
        long jobId;
        for (int tries = 0; ; tries++) {
            if (jobs.activeJob(scope).isPresent()) {
                return Optional.empty();
            }
            try {
                jobId = jobs.insertActiveJob(configType, scope, Instant.now());
                break;
            } catch (JdbiException e) {
                // another node took the slot between the look and the insert, or the database failed
                if (jobs.activeJob(scope).isPresent()) {
                    return Optional.empty();
                }
                if (tries >= 2) {
                    throw e;
                }
            }
        }
        try {
            executions.scheduleIfNotExists(new TaskInstance<>(JobWorker.TASK, Long.toString(jobId), scope),
                    Instant.now());
        } catch (RuntimeException e) {
            jobs.end(jobId, "failed", Instant.now());
            throw e;
        }
        LOG.info("{} job {} of connection {} queued", configType, jobId, connectionId);
        wakeWorker.run();
        return Optional.of(jobId);
    }

    private boolean awaitEnd(long jobId, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (jobs.findJob(jobId).map(JobRow::status).filter(ENDED::contains).isPresent()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
