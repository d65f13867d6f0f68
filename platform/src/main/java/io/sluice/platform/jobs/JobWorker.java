package io.sluice.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.ExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.sluice.platform.NodeSettings;
import io.sluice.platform.store.Database;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker node: db-scheduler over {@code job_executions} picks queued jobs (as many at once as
 * the worker pool allows) and runs them through the {@link JobRunner}, heartbeating each while it
 * runs. When a node stops heartbeating (killed, cut off) for the configured number of beats,
 * another worker's scheduler revives the execution and its runner takes the job over. A worker
 * that stops cleanly hands its jobs back at once.
 */
public final class JobWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    static final String TASK = "sync-job";
    static final String TABLE = "job_executions";

    private final Database database;
    private final JobRunner runner;
    private final Scheduler scheduler;

    public JobWorker(Database database, JobRunner runner, NodeSettings node, int threads) {
        this.database = database;
        this.runner = runner;
        CustomTask<String> task = task((instance, context) -> {
            JobRunner.Outcome outcome = runner.run(Long.parseLong(instance.getId()), UUID.fromString(instance.getData()));
            return (complete, operations) -> {
                switch (outcome) {
                    case HANDED_OVER -> operations.reschedule(complete, Instant.now());
                    case ENDED -> operations.remove();
                    case LOST -> LOG.info("job {} goes on on another worker", instance.getId());
                }
            };
        });
        this.scheduler = Scheduler.create(database.dataSource(), task)
                .tableName(TABLE)
                .threads(threads)
                .pollingInterval(node.jobPoll())
                .heartbeatInterval(node.heartbeat())
                .missedHeartbeatsLimit(node.missedHeartbeats())
                .schedulerName(new SchedulerName.Fixed(node.name()))
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    /** The job task: instance id the job id, data the connection id. */
    static CustomTask<String> task(ExecutionHandler<String> handler) {
        return Tasks.custom(TASK, String.class)
                .onDeadExecutionRevive()
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                .execute(handler);
    }

    /**
     * Starts taking jobs. Jobs left without an execution (queued by a node that died before it
     * could add one, or by a version without several-node support) get one; with the embedded
     * store, which only this process can open, executions left picked by a killed run are free
     * again at once instead of after the heartbeat timeout.
     */
    public void start() {
        if (database.embedded()) {
            int freed = database.jdbi().withHandle(h -> h.createUpdate("update " + TABLE
                    + " set picked = false, picked_by = null, last_heartbeat = null where picked").execute());
            if (freed > 0) {
                LOG.info("{} jobs of the previous run go on from their last acknowledged state", freed);
            }
        }
        for (JobRow job : database.dao(JobDao.class).listActive()) {
            scheduler.scheduleIfNotExists(new TaskInstance<>(TASK, Long.toString(job.id()), job.scope()),
                    Instant.now());
        }
        scheduler.start();
    }

    /** Looks for queued jobs now instead of at the next poll. */
    public void checkNow() {
        scheduler.triggerCheckForDueExecutions();
    }

    /** Stops taking jobs; running ones are cancelled back to their last acknowledged state and handed over. */
    @Override
    public void close() {
        runner.stopping();
        scheduler.stop();
        runner.close();
    }
}
