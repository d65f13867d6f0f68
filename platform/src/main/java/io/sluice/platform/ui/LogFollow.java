package io.sluice.platform.ui;

/**
 * Where and whether a job page's log box asks for more ({@link JobLogPages}).
 *
 * @param now whether more lines are there already (ask again at once rather than in a second)
 */
public record LogFollow(String jobPath, int attempt, long offset, boolean active, boolean now,
        String jobStatus) {
    /** The next read; without an attempt (none started yet) it asks for the latest one. */
    public String url() {
        return jobPath + "/log?" + (attempt < 0 ? "" : "attempt=" + attempt + "&") + "offset=" + offset;
    }

    public String trigger() {
        return now ? "load" : "load delay:1s";
    }

    public String jobStatusLabel() {
        return SyncDisplay.statusLabel(jobStatus);
    }
}
