package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the connection pages write sizes, durations, job statuses, times and schedules for people. */
public final class SyncDisplay {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private SyncDisplay() {}

    /** Decimal units as the rest of the platform counts them: {@code 999 B}, {@code 2.2 kB}, {@code 15 MB}. */
    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return (value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value))
                + " " + UNITS[unit];
    }

    /** A count with thousands separators: {@code 1,000}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * {@code under 1 s}, {@code 12 s}, {@code 3 min 5 s}, {@code 2 h 4 min}: whole seconds, as precise as
     * the API's epoch-second times the durations come from.
     */
    public static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return "under 1 s";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** A job or attempt status as a coloured dot and its word, so colour is never the only sign. */
    public static String statusLabel(String status) {
        return switch (status) {
            case "succeeded" -> "🟢 succeeded";
            case "failed" -> "🔴 failed";
            case "running", "pending" -> "🟡 " + status;
            case "incomplete" -> "🟡 incomplete (will retry)";
            case "cancelled" -> "⚪ cancelled";
            default -> status;
        };
    }

    /** Whether a job in this status may still change (the pages keep polling while one is). */
    public static boolean active(String status) {
        return status.equals("pending") || status.equals("running") || status.equals("incomplete");
    }

    public static String time(Instant time) {
        return TIME.format(time);
    }

    /** A {@code ConnectionRead}'s schedule in words, e.g. {@code Every 24 hours}. */
    public static String schedule(JsonNode connection) {
        String type = connection.path("scheduleType").asText("manual");
        JsonNode data = connection.path("scheduleData");
        return switch (type) {
            case "manual" -> "Manual: syncs only when started";
            case "basic" -> {
                JsonNode basic = data.path("basicSchedule");
                long units = basic.path("units").asLong(1);
                String unit = basic.path("timeUnit").asText("hours").toLowerCase(Locale.ROOT);
                if (units == 1 && unit.endsWith("s")) {
                    unit = unit.substring(0, unit.length() - 1);
                }
                yield units == 1 ? "Every " + unit : "Every " + units + " " + unit;
            }
            case "cron" -> "Cron " + data.path("cron").path("cronExpression").asText() + " ("
                    + data.path("cron").path("cronTimeZone").asText("UTC") + ")";
            case "continuous" -> "Continuous: syncs all the time";
            default -> type;
        };
    }
}
