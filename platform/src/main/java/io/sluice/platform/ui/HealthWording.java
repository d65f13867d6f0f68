package io.sluice.platform.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the dashboard words a connection's health for people: its last sync as a coloured dot and a
 * word (the word is always there, so colour is never the only sign), how fresh its data is, when it
 * syncs next and how often it failed lately.
 */
final class HealthWording {
    private HealthWording() {}

    /** A job status, or {@code none} for a connection that never synced. */
    static String lastSync(String status) {
        return switch (status) {
            case "succeeded" -> "🟢 succeeded";
            case "failed" -> "🔴 failed";
            case "running", "pending", "incomplete" -> "🟡 " + status;
            case "cancelled" -> "⚪ cancelled";
            case "none" -> "never synced";
            default -> status;
        };
    }

    /** From {@code connections/health}'s {@code freshnessSeconds}: {@code 3 minutes ago}, or that no sync succeeded. */
    static String freshness(OptionalLong secondsSinceLastSuccess) {
        if (secondsSinceLastSuccess.isEmpty()) {
            return "no successful sync yet";
        }
        long seconds = Math.max(0, secondsSinceLastSuccess.getAsLong());
        return seconds < 60 ? "less than a minute ago" : span(seconds) + " ago";
    }

    /** From {@code connections/health}: {@code 1 of 5 recent syncs failed}. */
    static String failureRate(long failed, long considered) {
        if (considered == 0) {
            return "no finished syncs yet";
        }
        return failed + " of " + considered + " recent " + (considered == 1 ? "sync" : "syncs") + " failed";
    }

    /**
     * When the schedule starts the next sync: {@code manual} and {@code continuous} say so, a basic or
     * cron schedule gives the time left until {@code nextRunAt} ({@code in 5 minutes}), and a scheduled
     * connection without a next run is paused (inactive).
     */
    static String nextRun(String scheduleType, Optional<Instant> nextRunAt, Instant now) {
        return switch (scheduleType) {
            case "manual" -> "manual";
            case "continuous" -> "continuous";
            default -> nextRunAt.map(at -> {
                long seconds = Duration.between(now, at).toSeconds();
                return seconds < 60 ? "due now" : "in " + span(seconds);
            }).orElse("none (paused)");
        };
    }

    /** Whole minutes below two hours, then the nearest whole hours below two days, then the nearest whole days. */
    private static String span(long seconds) {
        long minutes = seconds / 60;
        if (minutes < 120) {
            return plural(minutes, "minute");
        }
        long hours = Math.round(minutes / 60.0);
        return hours < 48 ? plural(hours, "hour") : plural(Math.round(hours / 24.0), "day");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
