package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A datetime (or a date, from {@code today_utc()}) inside a template, behaving like Python's:
 * {@code now_utc().strftime('%Y-%m-%d')}, {@code .isoformat()}, {@code .timestamp()}, and printing
 * as {@code str(datetime)} does ({@code 2024-01-31 12:00:00+00:00}, or {@code 2024-01-31} for a date).
 * Public only because the template engine calls its methods.
 */
public final class TemplateDatetime implements Comparable<TemplateDatetime> {
    private static final DateTimeFormatter PYTHON_STR = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSS]xxx");
    private final Instant instant;
    private final boolean dateOnly;

    TemplateDatetime(Instant instant, boolean dateOnly) {
        this.instant = requireNonNull(instant, "instant");
        this.dateOnly = dateOnly;
    }

    Instant instant() {
        return instant;
    }

    public String strftime(String format) {
        return DatetimeFormat.of(format).format(instant);
    }

    public String isoformat() {
        return dateOnly ? DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC))
                : instant.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public double timestamp() {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    @Override
    public int compareTo(TemplateDatetime other) {
        return instant.compareTo(other.instant);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TemplateDatetime t && t.instant.equals(instant) && t.dateOnly == dateOnly;
    }

    @Override
    public int hashCode() {
        return instant.hashCode();
    }

    @Override
    public String toString() {
        return dateOnly ? isoformat() : PYTHON_STR.format(instant.atOffset(ZoneOffset.UTC));
    }
}
