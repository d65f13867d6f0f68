package io.sluice.platform.jobs;

import io.sluice.cdk.FailureKind;
import io.sluice.engine.SyncResult;
import io.sluice.platform.store.AttemptRow;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a worker starts on a job it picked: a pending job starts at attempt 1; a job found running
 * or incomplete was left by a node that stopped (killed, cut off, or this node before a restart),
 * so its running attempt is recorded as failed with that node and the next attempt follows.
 */
final class JobTakeover {
    private static final Logger LOG = LoggerFactory.getLogger(JobTakeover.class);

    private final JobDao jobs;
    private final String node;

    JobTakeover(JobDao jobs, String node) {
        this.jobs = jobs;
        this.node = node;
    }

    /** Marks the job running and says which attempt comes next; 0 when it was cancelled before it started. */
    int nextAttempt(JobRow job) {
        Instant now = Instant.now();
        if (job.status().equals("pending")) {
            return jobs.markRunning(job.id(), now) == 1 ? 1 : 0;
        }
        List<AttemptRow> attempts = jobs.attempts(job.id());
        for (AttemptRow a : attempts) {
            if (a.status().equals("running")) {
                String who = jobs.attemptNode(a.id()).orElse("?");
                String message = "worker " + who + " stopped responding; worker " + node + " took the job over";
                note(Path.of(a.logPath()), message);
                jobs.finishAttempt(a.id(), "failed", a.stats(), AttemptStats.failure(new SyncResult.Failure(
                        FailureKind.SYSTEM, SyncResult.Origin.ENGINE, message, ""), false, false), now);
                LOG.warn("job {}: {}", job.id(), message);
            }
        }
        jobs.setStatus(job.id(), "running", now);
        return attempts.size() + 1;
    }

    private static void note(Path logFile, String message) {
        try (AttemptLog log = AttemptLog.open(logFile)) {
            log.write(Instant.now(), "ERROR", message);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write to the attempt log {}: {}", logFile, e.getMessage());
        }
    }
}
