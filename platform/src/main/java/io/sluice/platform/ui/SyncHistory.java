package io.sluice.platform.ui;

import java.util.List;
import java.util.Optional;

/**
 * The sync history section of a connection's page: its newest jobs (syncs and resets), how many
 * there are in all, and how many the page asked for.
 */
public record SyncHistory(String connectionId, List<SyncRun> runs, long total, int shown) {
    public static final int PAGE = 10;

    public SyncHistory {
        runs = List.copyOf(runs);
    }

    /** The job still pending or running, whose Cancel button the section shows. */
    public Optional<SyncRun> activeRun() {
        return runs.stream().filter(SyncRun::active).findFirst();
    }

    public boolean hasMore() {
        return total > runs.size();
    }

    public String path() {
        return "/connections/" + connectionId;
    }

    public String chartJson() {
        return SyncRun.chartJson(runs);
    }
}
