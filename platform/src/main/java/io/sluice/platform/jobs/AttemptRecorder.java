package io.sluice.platform.jobs;

import io.sluice.cdk.FailureKind;
import io.sluice.engine.StreamStats;
import io.sluice.engine.SyncListener;
import io.sluice.engine.SyncProgress;
import io.sluice.engine.SyncResult;
import io.sluice.platform.store.JobDao;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StreamDescriptor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what an attempt did into the metadata store and its log file: counters while it runs,
 * and at its end its status, failure summary and the job status that follows from it.
 */
final class AttemptRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptRecorder.class);

    private final JobDao jobs;
    private final Path logDir;

    AttemptRecorder(JobDao jobs, Path logDir) {
        this.jobs = jobs;
        this.logDir = logDir;
    }

    /** Where an attempt's log lives: {@code <data dir>/logs/jobs/<jobId>/attempt-<n>.log}. */
    Path logFile(long jobId, int attempt) {
        return logDir.resolve(Long.toString(jobId)).resolve("attempt-" + attempt + ".log");
    }

    /** Feeds an attempt's counters to its row and its connector log lines to its log file. */
    SyncListener listener(long attemptId, AttemptLog log) {
        return new AttemptListener(attemptId, log);
    }

    /**
     * Records the attempt's end and the job's status after it: {@code incomplete} when another
     * attempt follows ({@code retry}), otherwise its final status, which frees the connection.
     */
    void finish(long jobId, long attemptId, AttemptLog log, SyncResult result, boolean retry) {
        for (Map.Entry<StreamDescriptor, StreamStats> s : result.streams().entrySet()) {
            log.info("stream " + s.getKey() + ": " + s.getValue().recordsEmitted() + " records emitted, "
                    + s.getValue().recordsCommitted() + " committed");
        }
        boolean cancelled = result.status() == SyncResult.Status.CANCELLED;
        result.failure().ifPresent(f -> log.write(Instant.now(), "ERROR", "sync failed (" + f.origin() + ", "
                + f.kind() + "): " + f.message() + (f.stackTrace().isEmpty() ? "" : System.lineSeparator()
                + f.stackTrace())));
        String failure = result.failure().map(f -> AttemptStats.failure(f, false, result.recordsCommitted() > 0))
                .orElse(cancelled ? AttemptStats.failure(new SyncResult.Failure(FailureKind.SYSTEM,
                        SyncResult.Origin.ENGINE, "the sync was cancelled", ""), true, result.recordsCommitted() > 0)
                        : null);
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
        if (retry) {
            jobs.setStatus(jobId, jobStatus, now);
        } else {
            jobs.end(jobId, jobStatus, now);
        }
        LOG.info("job {} {}", jobId, jobStatus);
    }

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
