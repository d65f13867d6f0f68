package io.sluice.platform.ui;

/**
 * A dashboard row, worded for people ({@link HealthWording}).
 *
 * @param lastSync the status of the connection's latest sync or reset job, or {@code none}
 */
public record DashboardRow(String connectionId, String name, String status, String lastSync, String lastSyncLabel,
        String freshness, String nextRun, String failureRate) {

    public boolean failing() {
        return lastSync.equals("failed");
    }
}
