package io.sluice.platform.ui;

import java.util.List;

/**
 * The head of a job's page: the job as the history shows it and its attempts.
 *
 * @param jobPath {@code /connections/{id}/jobs/{jobId}}, which each attempt's link extends
 * @param attempt the number of the attempt whose log the page shows, or -1 before the first starts
 */
public record JobFacts(SyncRun run, List<AttemptView> attempts, String jobPath, int attempt) {
    public JobFacts {
        attempts = List.copyOf(attempts);
    }
}
