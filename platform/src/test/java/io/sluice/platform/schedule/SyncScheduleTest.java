package io.sluice.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncScheduleTest {
    private static final Instant MONDAY_NOON = Instant.parse("2030-01-07T12:00:00Z");

    private static List<Instant> runs(SyncSchedule schedule, Instant from, int count) {
        List<Instant> runs = new ArrayList<>();
        Instant at = from;
        for (int i = 0; i < count; i++) {
            at = schedule.nextAfter(at).orElseThrow();
            runs.add(at);
        }
        return runs;
    }

    @Test
    void unixCronEverySixHours() {
        assertThat(runs(SyncSchedule.cron("0 */6 * * *", "UTC"), MONDAY_NOON, 3)).containsExactly(
                Instant.parse("2030-01-07T18:00:00Z"), Instant.parse("2030-01-08T00:00:00Z"),
                Instant.parse("2030-01-08T06:00:00Z"));
    }

    @Test
    void unixCronOnWeekdaysInATimeZoneSkipsTheWeekend() {
        // 02:00 in New York is 07:00 UTC in January; Friday's run is followed by Monday's
        assertThat(runs(SyncSchedule.cron("0 2 * * 1-5", "America/New_York"), Instant.parse("2030-01-10T12:00:00Z"), 2))
                .containsExactly(Instant.parse("2030-01-11T07:00:00Z"), Instant.parse("2030-01-14T07:00:00Z"));
    }

    @Test
    void unixCronOnTheFirstOfTheMonth() {
        assertThat(runs(SyncSchedule.cron("0 0 1 * *", "Europe/Berlin"), MONDAY_NOON, 2)).containsExactly(
                Instant.parse("2030-01-31T23:00:00Z"), Instant.parse("2030-02-28T23:00:00Z"));
    }

    @Test
    void quartzCronWithSeconds() {
        assertThat(runs(SyncSchedule.cron("0 30 9 ? * MON-FRI", "UTC"), MONDAY_NOON, 2)).containsExactly(
                Instant.parse("2030-01-08T09:30:00Z"), Instant.parse("2030-01-09T09:30:00Z"));
        assertThat(SyncSchedule.of("cron", """
                {"cron": {"cronExpression": "0 0 12 * * ?", "cronTimeZone": "UTC"}}""").nextAfter(MONDAY_NOON))
                .contains(Instant.parse("2030-01-08T12:00:00Z"));
    }

    @Test
    void aContinuousScheduleIsNeverDueOnTheClock() {
        assertThat(SyncSchedule.of("continuous", null)).isEqualTo(new SyncSchedule.Continuous());
        assertThat(SyncSchedule.of("continuous", null).nextAfter(MONDAY_NOON)).isEmpty();
    }

    @Test
    void basicSchedulesCountFromTheLastRun() {
        assertThat(SyncSchedule.of("basic", "{\"basicSchedule\": {\"units\": 15, \"timeUnit\": \"minutes\"}}")
                .nextAfter(MONDAY_NOON)).contains(Instant.parse("2030-01-07T12:15:00Z"));
        assertThat(new SyncSchedule.Basic(2, "weeks").nextAfter(MONDAY_NOON))
                .contains(Instant.parse("2030-01-21T12:00:00Z"));
        assertThat(new SyncSchedule.Basic(1, "months").nextAfter(Instant.parse("2030-01-31T00:00:00Z")))
                .contains(Instant.parse("2030-02-28T00:00:00Z"));
        assertThat(SyncSchedule.of("manual", null).nextAfter(MONDAY_NOON)).isEmpty();
    }

    @Test
    void badExpressionsSayWhatIsWrong() {
        assertThatThrownBy(() -> SyncSchedule.cron("0 */6 * *", "UTC")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> SyncSchedule.cron("0 25 * * *", "UTC")).hasMessageContaining("Unix cron");
        assertThatThrownBy(() -> SyncSchedule.cron("0 0 12 * * *", "UTC")).hasMessageContaining("Quartz");
        assertThatThrownBy(() -> SyncSchedule.cron("0 2 * * *", "Mars/Olympus")).hasMessageContaining("time zone");
        assertThatThrownBy(() -> new SyncSchedule.Basic(3, "fortnights")).hasMessageContaining("timeUnit");
    }
}
