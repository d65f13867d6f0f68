package io.sluice.platform.jobs;

import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.engine.StreamStats;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncHandle;
import io.sluice.engine.SyncListener;
import io.sluice.engine.SyncProgress;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.platform.JobSettings;
import io.sluice.platform.metrics.SyncMetrics;
import io.sluice.platform.operations.PostSyncOperations;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import io.sluice.platform.store.StateDao;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs connection jobs in this process on a small pool: one job at a time per connection, each
 * sync through the engine with the connection's state in the metadata database, its counters in
 * its attempt row, and every log line of it in the attempt's own log file. A TRANSIENT or SYSTEM
 * failure is retried as a new attempt (up to {@link JobSettings#maxAttempts()}, with a doubling
 * backoff) that resumes from the last acknowledged state; while it waits the job is
 * {@code incomplete}. CONFIG failures end the job at once.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(20);

    private final JobDao jobs;
    private final StateDao states;
    private final PreparedSync.Planner planner;
    private final Path logDir;
    private final JobSettings settings;
    private final JobEndListener listener;
    private final SyncMetrics metrics;
    private final ExecutorService executor;
    private final SyncEngine engine = new SyncEngine();
    private final AttemptLogAppender appender = new AttemptLogAppender();
    private final PostSyncOperations operations = PostSyncOperations.onThisWorker();
    private final Object lock = new Object();
    private final Map<Long, SyncHandle> running = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> finished = new ConcurrentHashMap<>();
    private final Set<Long> cancelRequested = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /** Told when a sync job has ended (succeeded, failed or cancelled), on the worker thread. */
    @FunctionalInterface
    public interface JobEndListener {
        void jobEnded(long jobId, UUID connectionId, String status, Optional<String> failureMessage);
    }

    /** Makes the runner once the planner (which needs the API's lookups) exists. */
    @FunctionalInterface
    public interface Factory {
        JobRunner create(PreparedSync.Planner planner);
    }

    public JobRunner(JobDao jobs, StateDao states, PreparedSync.Planner planner, Path logDir, JobSettings settings,
            JobEndListener listener, SyncMetrics metrics) {
        this.listener = listener;
        this.metrics = metrics;
        this.jobs = jobs;
        this.states = states;
        this.planner = planner;
        this.logDir = logDir;
        this.settings = settings;
        this.executor = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "sluice-job-worker");
            t.setDaemon(true);
            return t;
        });
        appender.install();
    }

    /** Jobs left pending or running by a previous process failed with it. */
    public void failLeftovers() {
        for (JobRow job : jobs.listActive()) {
            Instant now = Instant.now();
            jobs.attempts(job.id()).stream().filter(a -> a.status().equals("running")).forEach(a ->
                    jobs.finishAttempt(a.id(), "failed", a.stats(), AttemptStats.failure(new SyncResult.Failure(
                            FailureKind.SYSTEM, SyncResult.Origin.ENGINE, "the server stopped while the job ran", ""),
                            false, false), now));
            jobs.setStatus(job.id(), "failed", now);
            LOG.info("job {} was left {} by the previous run; marked failed", job.id(), job.status());
        }
    }

    /** Starts a sync of the connection, or returns the job already pending or running for it. */
    public long sync(UUID connectionId) {
        synchronized (lock) {
            Optional<JobRow> active = jobs.findActive(connectionId.toString());
            if (active.isPresent()) {
                return active.get().id();
            }
            long jobId = jobs.insertJob("sync", connectionId.toString(), Instant.now());
            CompletableFuture<Void> done = new CompletableFuture<>();
            finished.put(jobId, done);
            executor.execute(() -> {
                try {
                    run(jobId, connectionId);
                } catch (RuntimeException e) {
                    LOG.error("job {} could not be finished", jobId, e);
                } finally {
                    finished.remove(jobId);
                    done.complete(null);
                }
            });
            return jobId;
        }
    }

    /**
     * Resets the connection in a {@code reset_connection} job that runs before this returns: its
     * streams are synced from a source that reads nothing in full_refresh / overwrite, which leaves
     * them empty in the destination, and then its state is cleared. Empty when a job of the
     * connection is pending, running or waiting to retry.
     */
    public Optional<Long> reset(UUID connectionId) {
        long jobId;
        synchronized (lock) {
            if (jobs.findActive(connectionId.toString()).isPresent()) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            jobId = jobs.insertJob("reset_connection", connectionId.toString(), now);
            jobs.markRunning(jobId, now);
        }
        Path file = logFile(jobId, 1);
        long attemptId = jobs.insertAttempt(jobId, 1, file.toString(), Instant.now());
        MDC.put(AttemptLogAppender.JOB_ID, Long.toString(jobId));
        MDC.put("connection", connectionId.toString());
        try (AttemptLog log = AttemptLog.open(file)) {
            appender.attach(jobId, log);
            SyncResult result = clearDestination(jobId, attemptId, connectionId, log);
            if (result.status() == SyncResult.Status.SUCCEEDED) {
                int cleared = states.delete(connectionId);
                log.info(cleared > 0 ? "cleared the state of connection " + connectionId
                        : "connection " + connectionId + " had no state");
            }
            finish(jobId, attemptId, log, result, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            appender.detach(jobId);
            running.remove(jobId);
            cancelRequested.remove(jobId);
            MDC.clear();
        }
        return Optional.of(jobId);
    }

    private SyncResult clearDestination(long jobId, long attemptId, UUID connectionId, AttemptLog log) {
        Instant started = Instant.now();
        try {
            PreparedSync plan = planner.prepare(connectionId);
            ConfiguredCatalog overwrite = new ConfiguredCatalog(plan.catalog().streams().stream()
                    .map(s -> new ConfiguredStream(s.stream(), SyncMode.FULL_REFRESH, s.cursorField(),
                            DestinationSyncMode.OVERWRITE, s.primaryKey(), s.generationId(), s.minimumGenerationId(),
                            s.syncId(), s.unknownFields()))
                    .toList());
            log.info("reset of connection " + connectionId + ": clearing " + overwrite.streams().size()
                    + " streams in " + plan.destination().name());
            SyncRequest request = SyncRequest.builder(new EmptySource(plan.source()), plan.sourceConfig(),
                            plan.destination(), plan.destinationConfig(), overwrite)
                    .namespaceMapping(plan.namespaceMapping())
                    .listener(new AttemptListener(attemptId, log))
                    .connectorResources(plan.limits().connectorResources())
                    .build();
            SyncHandle handle = engine.start(request);
            running.put(jobId, handle);
            return handle.await();
        } catch (RuntimeException e) {
            return new SyncResult(SyncResult.Status.FAILED, Map.of(),
                    Optional.of(SyncResult.Failure.of(SyncResult.Origin.ENGINE, e)), InputState.empty(),
                    Duration.between(started, Instant.now()));
        }
    }

    /** Cancels a pending or running job and waits (bounded) until it has stopped. */
    public void cancel(long jobId) {
        cancelRequested.add(jobId);
        synchronized (lock) {
            jobs.findJob(jobId).filter(j -> j.status().equals("pending"))
                    .ifPresent(j -> jobs.setStatus(jobId, "cancelled", Instant.now()));
        }
        SyncHandle handle = running.get(jobId);
        if (handle != null) {
            handle.cancel();
        }
        CompletableFuture<Void> done = finished.get(jobId);
        if (done != null) {
            try {
                done.get(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("job {} did not stop within {} s of its cancel", jobId, CANCEL_WAIT.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("job {} ended with an error", jobId, e.getCause());
            }
        }
    }

    private void run(long jobId, UUID connectionId) {
        if (closing) {
            jobs.setStatus(jobId, "cancelled", Instant.now());
            return;
        }
        if (jobs.markRunning(jobId, Instant.now()) == 0) {
            return;
        }
        MDC.put(AttemptLogAppender.JOB_ID, Long.toString(jobId));
        MDC.put("connection", connectionId.toString());
        try {
            for (int number = 1; ; number++) {
                if (!runAttempt(jobId, number, connectionId)) {
                    ended(jobId, connectionId);
                    return;
                }
                if (!waitBeforeRetry(jobId, number)) {
                    jobs.setStatus(jobId, "cancelled", Instant.now());
                    LOG.info("job {} cancelled while waiting to retry", jobId);
                    ended(jobId, connectionId);
                    return;
                }
                jobs.setStatus(jobId, "running", Instant.now());
            }
        } finally {
            cancelRequested.remove(jobId);
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
    private boolean runAttempt(long jobId, int number, UUID connectionId) {
        Path file = logFile(jobId, number);
        long attemptId = jobs.insertAttempt(jobId, number, file.toString(), Instant.now());
        MDC.put("attempt", Integer.toString(number));
        try (AttemptLog log = AttemptLog.open(file)) {
            appender.attach(jobId, log);
            metrics.attemptStarted(connectionId);
            SyncResult result = attempt(jobId, attemptId, connectionId, log);
            metrics.attemptEnded(connectionId, result);
            boolean retry = retries(jobId, number, result);
            finish(jobId, attemptId, log, result, retry);
            return retry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log of job " + jobId, e);
        } finally {
            appender.detach(jobId);
            running.remove(jobId);
        }
    }

    private boolean retries(long jobId, int number, SyncResult result) {
        return result.status() == SyncResult.Status.FAILED && number < settings.maxAttempts()
                && result.failure().map(f -> f.kind() != FailureKind.CONFIG).orElse(false)
                && !cancelRequested.contains(jobId) && !closing;
    }

    /** The backoff before attempt {@code number + 1}; false when the job was cancelled meanwhile. */
    private boolean waitBeforeRetry(long jobId, int number) {
        long millis = settings.retryBackoff().toMillis() << Math.min(number - 1, 10);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            if (cancelRequested.contains(jobId) || closing) {
                return false;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !cancelRequested.contains(jobId) && !closing;
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
                    .listener(new AttemptListener(attemptId, log))
                    .connectorResources(plan.limits().connectorResources())
                    .memoryBudgetBytes(plan.limits().memoryBudgetBytes())
                    .continuous(plan.continuous())
                    .build();
            SyncHandle handle = engine.start(request);
            running.put(jobId, handle);
            if (cancelRequested.contains(jobId) || closing) {
                handle.cancel();
            }
            SyncResult synced = handle.await();
            return operations.afterSync(plan, synced, log, () -> cancelRequested.contains(jobId) || closing);
        } catch (RuntimeException e) {
            return new SyncResult(SyncResult.Status.FAILED, Map.of(),
                    Optional.of(SyncResult.Failure.of(SyncResult.Origin.ENGINE, e)), InputState.empty(),
                    Duration.between(started, Instant.now()));
        }
    }

    private void finish(long jobId, long attemptId, AttemptLog log, SyncResult result, boolean retry) {
        for (Map.Entry<StreamDescriptor, StreamStats> s : result.streams().entrySet()) {
            log.info("stream " + s.getKey() + ": " + s.getValue().recordsEmitted() + " records emitted, "
                    + s.getValue().recordsCommitted() + " committed");
        }
        boolean cancelled = result.status() == SyncResult.Status.CANCELLED;
        result.failure().ifPresent(f -> log.write(Instant.now(), "ERROR", "sync failed (" + f.origin() + ", "
                + f.kind() + "): " + f.message() + (f.stackTrace().isEmpty() ? "" : System.lineSeparator()
                + f.stackTrace())));
        // A sync stopped with the server was not cancelled by anyone: a continuous one is restarted.
        boolean byUser = !closing || cancelRequested.contains(jobId);
        String failure = result.failure().map(f -> AttemptStats.failure(f, false, result.recordsCommitted() > 0))
                .orElse(cancelled ? AttemptStats.failure(new SyncResult.Failure(FailureKind.SYSTEM,
                        SyncResult.Origin.ENGINE, byUser ? "the sync was cancelled" : "the server stopped", ""), byUser,
                        result.recordsCommitted() > 0) : null);
        String attemptStatus = result.status() == SyncResult.Status.SUCCEEDED ? "succeeded" : "failed";
        String jobStatus = retry ? "incomplete" : switch (result.status()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
        log.info("attempt " + attemptStatus + " in " + result.duration().toMillis() + " ms; job " + jobStatus
                + (retry ? ", the next attempt resumes from the last acknowledged state" : ""));
        Instant now = Instant.now();
        jobs.finishAttempt(attemptId, attemptStatus, AttemptStats.of(result.streams()), failure, now);
        jobs.setStatus(jobId, jobStatus, now);
        LOG.info("job {} {}", jobId, jobStatus);
    }

    /** Where an attempt's log lives: {@code <data dir>/logs/jobs/<jobId>/attempt-<n>.log}. */
    private Path logFile(long jobId, int attempt) {
        return logDir.resolve(Long.toString(jobId)).resolve("attempt-" + attempt + ".log");
    }

    /** Stops: running syncs are cancelled (they roll back to their last acknowledged state). */
    @Override
    public void close() {
        closing = true;
        running.values().forEach(SyncHandle::cancel);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CANCEL_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        appender.uninstall();
    }

    /** Feeds an attempt's counters to its row and its connector log lines to its log file. */
    private final class AttemptListener implements SyncListener {
        private final long attemptId;
        private final AttemptLog log;

        AttemptListener(long attemptId, AttemptLog log) {
            this.attemptId = attemptId;
            this.log = log;
        }

        @Override
        public void onProgress(SyncProgress progress) {
            jobs.updateStats(attemptId, AttemptStats.of(progress.streams()), Instant.now());
        }

        @Override
        public void onLog(LogMessage.Level level, String origin, String message) {
            log.write(Instant.now(), level.name(), origin + " - " + message);
        }
    }
}
