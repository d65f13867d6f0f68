package io.sluice.platform.ui;

/**
 * A dashboard row.
 *
 * @param lastSync the status of the connection's latest job, or {@code none}
 */
public record ConnectionSummary(String name, String status, String lastSync) {
    public String lastSyncLabel() {
        return switch (lastSync) {
            case "succeeded" -> "🟢 succeeded";
            case "failed" -> "🔴 failed";
            case "running", "pending", "incomplete" -> "🟡 " + lastSync;
            case "cancelled" -> "⚪ cancelled";
            case "none" -> "never synced";
            default -> lastSync;
        };
    }
}
