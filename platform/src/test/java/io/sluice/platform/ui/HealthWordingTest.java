package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HealthWordingTest {
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theLastSyncShowsAsADotAndAWord() {
        assertThat(HealthWording.lastSync("succeeded")).isEqualTo("🟢 succeeded");
        assertThat(HealthWording.lastSync("failed")).isEqualTo("🔴 failed");
        assertThat(HealthWording.lastSync("running")).isEqualTo("🟡 running");
        assertThat(HealthWording.lastSync("incomplete")).isEqualTo("🟡 incomplete");
        assertThat(HealthWording.lastSync("cancelled")).isEqualTo("⚪ cancelled");
        assertThat(HealthWording.lastSync("none")).isEqualTo("never synced");
    }

    @Test
    void freshnessCountsWholeUnitsAgo() {
        assertThat(HealthWording.freshness(OptionalLong.empty())).isEqualTo("no successful sync yet");
        assertThat(HealthWording.freshness(OptionalLong.of(0))).isEqualTo("less than a minute ago");
        assertThat(HealthWording.freshness(OptionalLong.of(59))).isEqualTo("less than a minute ago");
        assertThat(HealthWording.freshness(OptionalLong.of(60))).isEqualTo("1 minute ago");
        assertThat(HealthWording.freshness(OptionalLong.of(3 * 60 + 59))).isEqualTo("3 minutes ago");
        assertThat(HealthWording.freshness(OptionalLong.of(119 * 60))).isEqualTo("119 minutes ago");
        assertThat(HealthWording.freshness(OptionalLong.of(2 * 3600))).isEqualTo("2 hours ago");
        assertThat(HealthWording.freshness(OptionalLong.of(2 * 3600 + 29 * 60))).isEqualTo("2 hours ago");
        assertThat(HealthWording.freshness(OptionalLong.of(2 * 3600 + 31 * 60))).as("nearest").isEqualTo("3 hours ago");
        assertThat(HealthWording.freshness(OptionalLong.of(47 * 3600 + 29 * 60))).isEqualTo("47 hours ago");
        assertThat(HealthWording.freshness(OptionalLong.of(47 * 3600 + 31 * 60))).isEqualTo("2 days ago");
        assertThat(HealthWording.freshness(OptionalLong.of(9 * 86400 + 13 * 3600))).isEqualTo("10 days ago");
        assertThat(HealthWording.freshness(OptionalLong.of(-5))).as("a clock a little behind")
                .isEqualTo("less than a minute ago");
    }

    @Test
    void failureRateSaysHowManyOfHowMany() {
        assertThat(HealthWording.failureRate(0, 0)).isEqualTo("no finished syncs yet");
        assertThat(HealthWording.failureRate(0, 1)).isEqualTo("0 of 1 recent sync failed");
        assertThat(HealthWording.failureRate(1, 5)).isEqualTo("1 of 5 recent syncs failed");
        assertThat(HealthWording.failureRate(20, 20)).isEqualTo("20 of 20 recent syncs failed");
    }

    @Test
    void nextRunFollowsTheScheduleType() {
        assertThat(HealthWording.nextRun("manual", Optional.empty(), NOW)).isEqualTo("manual");
        assertThat(HealthWording.nextRun("continuous", Optional.empty(), NOW)).isEqualTo("continuous");
        assertThat(HealthWording.nextRun("basic", Optional.of(NOW.plusSeconds(5 * 60 + 30)), NOW))
                .isEqualTo("in 5 minutes");
        assertThat(HealthWording.nextRun("cron", Optional.of(NOW.plusSeconds(6 * 3600)), NOW)).isEqualTo("in 6 hours");
        assertThat(HealthWording.nextRun("basic", Optional.of(NOW.plusSeconds(3 * 3600 - 5)), NOW)).isEqualTo("in 3 hours");
        assertThat(HealthWording.nextRun("basic", Optional.of(NOW.plusSeconds(3 * 86400)), NOW)).isEqualTo("in 3 days");
        assertThat(HealthWording.nextRun("basic", Optional.of(NOW.plusSeconds(20)), NOW)).isEqualTo("due now");
        assertThat(HealthWording.nextRun("basic", Optional.of(NOW.minusSeconds(30)), NOW)).as("late").isEqualTo("due now");
        assertThat(HealthWording.nextRun("cron", Optional.empty(), NOW)).as("inactive").isEqualTo("none (paused)");
    }
}
