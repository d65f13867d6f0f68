package io.sluice.connectors.declarative;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * An ISO-8601 duration as manifests write steps and windows: {@code PT1H}, {@code P1D},
 * {@code P1W}, {@code P1M}, {@code P1Y}, {@code P1DT12H}. Calendar parts (years, months, weeks,
 * days) are added on the UTC calendar, the rest as exact time.
 */
record IsoDuration(Period period, Duration time, String text) {

    static IsoDuration parse(String text, String where) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        try {
            int t = upper.indexOf('T');
            String datePart = t < 0 ? upper : upper.substring(0, t);
            Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + upper.substring(t));
            if (period.isZero() && time.isZero()) {
                throw ManifestNode.at(where, "the duration '" + text + "' is zero");
            }
            return new IsoDuration(period, time, text);
        } catch (DateTimeParseException e) {
            throw ManifestNode.at(where, "'" + text + "' is not an ISO-8601 duration (like PT1H, P1D, P1M)");
        }
    }

    Instant addTo(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).plus(period).plus(time).toInstant();
    }

    Instant subtractFrom(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).minus(period).minus(time).toInstant();
    }
}
