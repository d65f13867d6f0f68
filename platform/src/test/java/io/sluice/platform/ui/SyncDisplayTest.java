package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.api.ApiJson;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncDisplayTest {
    @Test
    void bytesInDecimalUnits() {
        assertThat(SyncDisplay.bytes(0)).isEqualTo("0 B");
        assertThat(SyncDisplay.bytes(999)).isEqualTo("999 B");
        assertThat(SyncDisplay.bytes(1000)).isEqualTo("1.0 kB");
        assertThat(SyncDisplay.bytes(2_150)).isEqualTo("2.2 kB");
        assertThat(SyncDisplay.bytes(15_400_000)).isEqualTo("15 MB");
        assertThat(SyncDisplay.bytes(999_960)).isEqualTo("1.0 MB");
        assertThat(SyncDisplay.bytes(3_200_000_000L)).isEqualTo("3.2 GB");
        assertThat(SyncDisplay.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void durationsFromTenthsOfSecondsToHours() {
        assertThat(SyncDisplay.duration(Duration.ofMillis(400))).isEqualTo("under 1 s");
        assertThat(SyncDisplay.duration(Duration.ofMillis(4_900))).isEqualTo("4 s");
        assertThat(SyncDisplay.duration(Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(SyncDisplay.duration(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(SyncDisplay.duration(Duration.ofMinutes(124))).isEqualTo("2 h 4 min");
        assertThat(SyncDisplay.duration(Duration.ofSeconds(-3))).isEqualTo("under 1 s");
    }

    @Test
    void everyStatusHasItsWordBesideItsColour() {
        assertThat(SyncDisplay.statusLabel("succeeded")).isEqualTo("🟢 succeeded");
        assertThat(SyncDisplay.statusLabel("failed")).isEqualTo("🔴 failed");
        assertThat(SyncDisplay.statusLabel("running")).isEqualTo("🟡 running");
        assertThat(SyncDisplay.statusLabel("pending")).isEqualTo("🟡 pending");
        assertThat(SyncDisplay.statusLabel("incomplete")).isEqualTo("🟡 incomplete (will retry)");
        assertThat(SyncDisplay.statusLabel("cancelled")).isEqualTo("⚪ cancelled");
        assertThat(SyncDisplay.active("incomplete")).isTrue();
        assertThat(SyncDisplay.active("succeeded")).isFalse();
    }

    @Test
    void schedulesInWords() {
        assertThat(SyncDisplay.schedule(ApiJson.read("{\"scheduleType\":\"manual\"}")))
                .isEqualTo("Manual: syncs only when started");
        assertThat(SyncDisplay.schedule(ApiJson.read(
                "{\"scheduleType\":\"basic\",\"scheduleData\":{\"basicSchedule\":{\"units\":24,\"timeUnit\":\"hours\"}}}")))
                .isEqualTo("Every 24 hours");
        assertThat(SyncDisplay.schedule(ApiJson.read(
                "{\"scheduleType\":\"basic\",\"scheduleData\":{\"basicSchedule\":{\"units\":1,\"timeUnit\":\"days\"}}}")))
                .isEqualTo("Every day");
        assertThat(SyncDisplay.schedule(ApiJson.read("{\"scheduleType\":\"cron\",\"scheduleData\":{\"cron\":"
                + "{\"cronExpression\":\"0 0 * * * ?\",\"cronTimeZone\":\"Europe/Paris\"}}}")))
                .isEqualTo("Cron 0 0 * * * ? (Europe/Paris)");
        assertThat(SyncDisplay.time(Instant.ofEpochSecond(0))).isEqualTo("1970-01-01 00:00:00 UTC");
    }
}
