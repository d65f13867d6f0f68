package io.sluice.platform.jobs;

import io.sluice.engine.SyncHandle;
import io.sluice.platform.store.JobDao;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices, twice a second, cancel requests stored in the metadata database (by {@code jobs/cancel}
 * on any node) for the jobs this worker runs, and attempts of them that another worker has taken
 * over (this one missed its heartbeats but lives on), and stops their running syncs.
 */
final class CancelWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CancelWatch.class);
    static final long PERIOD_MILLIS = 500;

    private final JobDao jobs;
    private final Map<Long, SyncHandle> running;
    private final Set<Long> watched = ConcurrentHashMap.newKeySet();
    private final Set<Long> requested = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> attempts = new ConcurrentHashMap<>();
    private final Set<Long> lost = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-cancel-watch");
        t.setDaemon(true);
        return t;
    });

    CancelWatch(JobDao jobs, Map<Long, SyncHandle> running) {
        this.jobs = jobs;
        this.running = running;
        timer.scheduleWithFixedDelay(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void watch(long jobId) {
        watched.add(jobId);
        check(jobId);
    }

    void unwatch(long jobId) {
        watched.remove(jobId);
        requested.remove(jobId);
        lost.remove(jobId);
    }

    /** The job's attempt that this worker runs now. */
    void attemptStarted(long jobId, long attemptId) {
        attempts.put(jobId, attemptId);
    }

    /** The attempt's sync has returned; true when another worker took the attempt over meanwhile. */
    synchronized boolean attemptEnded(long jobId) {
        attempts.remove(jobId);
        return lost.contains(jobId);
    }

    /** Whether another worker has taken the job over from this one. */
    boolean lost(long jobId) {
        return lost.contains(jobId);
    }

    /** Whether a cancel of the job has been seen. */
    boolean requested(long jobId) {
        return requested.contains(jobId);
    }

    private void check() {
        for (long jobId : watched) {
            try {
                check(jobId);
            } catch (RuntimeException e) {
                LOG.warn("cannot look for a cancel of job {}: {}", jobId, e.getMessage());
            }
        }
    }

    private void check(long jobId) {
        Long attemptId = attempts.get(jobId);
        if (attemptId != null && !jobs.attemptStatus(attemptId).orElse("").equals("running")) {
            synchronized (this) {
                if (!attemptId.equals(attempts.get(jobId))) {
                    return; // this worker recorded the attempt's end itself
                }
                lost.add(jobId);
            }
            LOG.warn("job {} was taken over by another worker; stopping its sync here", jobId);
            stop(jobId);
            return;
        }
        if (requested.contains(jobId) || !jobs.cancelRequested(jobId)) {
            return;
        }
        requested.add(jobId);
        LOG.info("job {} was cancelled", jobId);
        stop(jobId);
    }

    private void stop(long jobId) {
        SyncHandle handle = running.get(jobId);
        if (handle != null) {
            handle.cancel();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
