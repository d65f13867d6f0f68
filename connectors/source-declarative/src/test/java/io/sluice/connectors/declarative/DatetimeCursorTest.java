package io.sluice.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatetimeCursorTest {

    @Test
    void strftimeFormatsRoundTrip() {
        Instant at = Instant.parse("2024-02-29T13:14:15.123456Z");
        assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%SZ").format(at)).isEqualTo("2024-02-29T13:14:15Z");
        assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%S.%f%z").format(at)).isEqualTo("2024-02-29T13:14:15.123456+0000");
        assertThat(DatetimeFormat.of("%s").format(at)).isEqualTo("1709212455");
        assertThat(DatetimeFormat.of("%ms").format(at)).isEqualTo("1709212455123");
        assertThat(DatetimeFormat.of("%d/%m/%y %I:%M %p").format(at)).isEqualTo("29/02/24 01:14 PM");
        assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%S.%f%z").parse("2024-02-29T13:14:15.5+02:00"))
                .contains(Instant.parse("2024-02-29T11:14:15.500Z"));
        assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%S%z").parse("2024-02-29T13:14:15Z"))
                .contains(Instant.parse("2024-02-29T13:14:15Z"));
        assertThat(DatetimeFormat.of("%Y-%m-%d").parse("2024-02-29")).contains(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(DatetimeFormat.of("%s").parse("1709212455")).contains(Instant.parse("2024-02-29T13:14:15Z"));
        assertThat(DatetimeFormat.of("%s_as_float").parse("1709212455.25")).contains(Instant.parse("2024-02-29T13:14:15.250Z"));
        assertThat(DatetimeFormat.of("%Y-%m-%d").parse("29.02.2024")).isEmpty();
    }

    @Test
    void calendarDurations() {
        Instant jan31 = Instant.parse("2024-01-31T00:00:00Z");
        assertThat(IsoDuration.parse("P1M", "x").addTo(jan31)).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(IsoDuration.parse("P1W", "x").addTo(jan31)).isEqualTo(Instant.parse("2024-02-07T00:00:00Z"));
        assertThat(IsoDuration.parse("P1DT12H", "x").addTo(jan31)).isEqualTo(Instant.parse("2024-02-01T12:00:00Z"));
        assertThat(IsoDuration.parse("PT1S", "x").subtractFrom(jan31)).isEqualTo(Instant.parse("2024-01-30T23:59:59Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IsoDuration.parse("1 day", "streams[0].incremental_sync.step"))
                .hasMessageContaining("streams[0].incremental_sync.step");
    }
}
