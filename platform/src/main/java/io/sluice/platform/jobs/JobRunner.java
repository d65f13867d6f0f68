package io.sluice.platform.jobs;

import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncHandle;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.platform.JobSettings;
import io.sluice.platform.metrics.SyncMetrics;
import io.sluice.platform.operations.PostSyncOperations;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import io.sluice.platform.store.StateDao;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one job on the calling thread (a worker's db-scheduler thread): each sync through the
 * engine with the connection's state in the metadata database, its counters in its attempt row,
 * and every log line of it in the attempt's own log file. A TRANSIENT or SYSTEM failure is retried
 * as a new attempt (up to {@link JobSettings#maxAttempts()}, with a doubling backoff) that resumes
 * from the last acknowledged state; while it waits the job is {@code incomplete}. CONFIG failures
 * end the job at once. A job found running is one whose worker died: its running attempt is
 * recorded as failed and a new attempt resumes from the state.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");

    private final JobDao jobs;
    private final StateDao states;
    private final PreparedSync.Planner planner;
    private final JobSettings settings;
    private final String node;
    private final JobEndListener listener;
    private final SyncMetrics metrics;
    private final AttemptRecorder recorder;
    private final CancelWatch cancels;
    private final JobTakeover takeover;
    private final SyncEngine engine = new SyncEngine();
    private final ResetAttempt resets;
    private final AttemptLogAppender appender = new AttemptLogAppender();
    private final PostSyncOperations operations = PostSyncOperations.onThisWorker();
    private final Map<Long, SyncHandle> running = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /** Told when a job has ended (succeeded, failed or cancelled), on the worker thread. */
    @FunctionalInterface
    public interface JobEndListener {
        void jobEnded(long jobId, UUID connectionId, String status, Optional<String> failureMessage);
    }

    /**
     * How a run ended: the job has its final status; this node stopped and another one goes on; or
     * another node took the job over while this one still ran it (it missed its heartbeats).
     */
    public enum Outcome { ENDED, HANDED_OVER, LOST }

    public JobRunner(JobDao jobs, StateDao states, PreparedSync.Planner planner, Path logDir, JobSettings settings,
            String node, JobEndListener listener, SyncMetrics metrics) {
        this.listener = listener;
        this.metrics = metrics;
        this.jobs = jobs;
        this.states = states;
        this.planner = planner;
        this.settings = settings;
        this.node = node;
        this.recorder = new AttemptRecorder(jobs, logDir);
        this.resets = new ResetAttempt(planner, states, engine);
        this.cancels = new CancelWatch(jobs, running);
        this.takeover = new JobTakeover(jobs, node);
        appender.install();
    }

    /** Runs the job until it ends or this node stops; a job that has ended already is left alone. */
    public Outcome run(long jobId, UUID connectionId) {
        if (closing) {
            return Outcome.HANDED_OVER;
        }
        Optional<JobRow> job = jobs.findJob(jobId).filter(j -> !ENDED.contains(j.status()));
        if (job.isEmpty()) {
            return Outcome.ENDED;
        }
        MDC.put(AttemptLogAppender.JOB_ID, Long.toString(jobId));
        MDC.put("connection", connectionId.toString());
        cancels.watch(jobId);
        try {
            int first = takeover.nextAttempt(job.get());
            if (first == 0) {
                return Outcome.ENDED;
            }
            boolean reset = job.get().configType().equals("reset_connection");
            for (int number = first; ; number++) {
                if (cancels.requested(jobId) || number > settings.maxAttempts()) {
                    jobs.end(jobId, cancels.requested(jobId) ? "cancelled" : "failed", Instant.now());
                    LOG.info("job {} ended after {} attempts", jobId, number - 1);
                    ended(jobId, connectionId);
                    return Outcome.ENDED;
                }
                if (jobs.attempts(jobId).size() >= number) {
                    LOG.warn("job {} was taken over by another worker", jobId);
                    return Outcome.LOST;
                }
                if (!runAttempt(jobId, number, connectionId, reset)) {
                    if (cancels.lost(jobId)) {
                        return Outcome.LOST;
                    }
                    ended(jobId, connectionId);
                    return Outcome.ENDED;
                }
                if (handsOver(jobId)) {
                    return Outcome.HANDED_OVER;
                }
                if (!waitBeforeRetry(jobId, number)) {
                    if (handsOver(jobId)) {
                        return Outcome.HANDED_OVER;
                    }
                    jobs.end(jobId, "cancelled", Instant.now());
                    LOG.info("job {} cancelled while waiting to retry", jobId);
                    ended(jobId, connectionId);
                    return Outcome.ENDED;
                }
                jobs.setStatus(jobId, "running", Instant.now());
            }
        } finally {
            cancels.unwatch(jobId);
            MDC.clear();
        }
    }

    private void ended(long jobId, UUID connectionId) {
        String status = jobs.findJob(jobId).map(JobRow::status).orElse("failed");
        Optional<String> message = jobs.attempts(jobId).stream().reduce((a, b) -> b)
                .map(a -> a.failureSummary()).filter(java.util.Objects::nonNull)
                .map(f -> AttemptStats.externalMessage(f));
        listener.jobEnded(jobId, connectionId, status, message);
    }

    /** Runs one attempt and records it; true when the job goes on with another attempt. */
    private boolean runAttempt(long jobId, int number, UUID connectionId, boolean reset) {
        Path file = recorder.logFile(jobId, number);
        long attemptId = jobs.insertAttempt(jobId, number, file.toString(), node, Instant.now());
        MDC.put("attempt", Integer.toString(number));
        try (AttemptLog log = AttemptLog.open(file)) {
            appender.attach(jobId, log);
            log.info("attempt " + number + " on worker " + node);
            cancels.attemptStarted(jobId, attemptId);
            if (reset) {
                SyncResult result = resets.run(connectionId, log, recorder.listener(attemptId, log),
                        handle -> started(jobId, handle));
                if (!takenOver(jobId, log)) {
                    recorder.finish(jobId, attemptId, log, result, handsOver(jobId));
                }
                return handsOver(jobId);
            }
            metrics.attemptStarted(connectionId);
            SyncResult result = attempt(jobId, attemptId, connectionId, log);
            metrics.attemptEnded(connectionId, result);
            if (takenOver(jobId, log)) {
                return false;
            }
            if (handsOver(jobId)) {
                result = stopped(result);
            }
            boolean retry = handsOver(jobId) || retries(jobId, number, result);
            recorder.finish(jobId, attemptId, log, result, retry);
            return retry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log of job " + jobId, e);
        } finally {
            appender.detach(jobId);
            running.remove(jobId);
        }
    }

    /** True when another worker took the attempt over while it ran here: its end is not this worker's to record. */
    private boolean takenOver(long jobId, AttemptLog log) {
        if (!cancels.attemptEnded(jobId)) {
            return false;
        }
        log.info("another worker took this attempt over; worker " + node + " stopped its sync");
        return true;
    }

    private boolean retries(long jobId, int number, SyncResult result) {
        return result.status() == SyncResult.Status.FAILED && number < settings.maxAttempts()
                && result.failure().map(f -> f.kind() != FailureKind.CONFIG).orElse(false)
                && !cancels.requested(jobId) && !closing;
    }

    /** True when this node is stopping and the job was not cancelled: another node goes on with it. */
    private boolean handsOver(long jobId) {
        return closing && !cancels.requested(jobId);
    }

    private SyncResult stopped(SyncResult result) {
        return new SyncResult(SyncResult.Status.FAILED, result.streams(), Optional.of(new SyncResult.Failure(
                FailureKind.SYSTEM, SyncResult.Origin.ENGINE, "worker " + node + " stopped; the job goes on from"
                + " the last acknowledged state on the next worker", "")), result.finalState(), result.duration());
    }

    /** The backoff before attempt {@code number + 1}; false when the job was cancelled meanwhile. */
    private boolean waitBeforeRetry(long jobId, int number) {
        long millis = settings.retryBackoff().toMillis() << Math.min(number - 1, 10);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            if (cancels.requested(jobId) || closing) {
                return false;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !cancels.requested(jobId) && !closing;
    }

    private SyncResult attempt(long jobId, long attemptId, UUID connectionId, AttemptLog log) {
        Instant started = Instant.now();
        try {
            PreparedSync plan = planner.prepare(connectionId);
            log.info("sync of connection " + connectionId + ": " + plan.source().name() + " -> "
                    + plan.destination().name() + ", " + plan.catalog().streams().size() + " streams");
            SyncRequest request = SyncRequest.builder(plan.source(), plan.sourceConfig(), plan.destination(),
                            plan.destinationConfig(), plan.catalog())
                    .namespaceMapping(plan.namespaceMapping())
                    .stateStore(new DbStateStore(states, connectionId))
                    .listener(recorder.listener(attemptId, log))
                    .connectorResources(plan.limits().connectorResources())
                    .memoryBudgetBytes(plan.limits().memoryBudgetBytes())
                    .continuous(plan.continuous())
                    .build();
            SyncHandle handle = engine.start(request);
            started(jobId, handle);
            SyncResult synced = handle.await();
            return operations.afterSync(plan, synced, log, () -> cancels.requested(jobId) || closing);
        } catch (RuntimeException e) {
            return new SyncResult(SyncResult.Status.FAILED, Map.of(),
                    Optional.of(SyncResult.Failure.of(SyncResult.Origin.ENGINE, e)), InputState.empty(),
                    Duration.between(started, Instant.now()));
        }
    }

    /** Registers the running sync for cancels; stops it at once when a cancel or a stop came first. */
    private void started(long jobId, SyncHandle handle) {
        running.put(jobId, handle);
        if (cancels.requested(jobId) || closing) {
            handle.cancel();
        }
    }

    /**
     * Starts stopping: running syncs are cancelled (they roll back to their last acknowledged
     * state) and their jobs are left for the next worker. {@link #close} follows once the
     * scheduler threads have returned.
     */
    public void stopping() {
        closing = true;
        running.values().forEach(SyncHandle::cancel);
    }

    @Override
    public void close() {
        stopping();
        cancels.close();
        appender.uninstall();
    }
}
