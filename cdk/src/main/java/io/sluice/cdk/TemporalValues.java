package io.sluice.cdk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates and timestamps from whatever a row holds for them: the typed value for a top-level column,
 * or text for one nested in an object (read as leniently as {@link RowJson} reads records). Used by
 * destinations to fill typed columns; an unreadable value throws {@link DateTimeParseException}.
 */
public final class TemporalValues {
    private TemporalValues() {}

    public static LocalDate date(Object value) {
        return switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case Instant i -> i.atOffset(ZoneOffset.UTC).toLocalDate();
            default -> parsed(TemporalText.date(value.toString()), value);
        };
    }

    /** A timestamp without time zone; instants are taken in UTC, an offset in text is dropped. */
    public static LocalDateTime localDateTime(Object value) {
        return switch (value) {
            case LocalDateTime t -> t;
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            case LocalDate d -> d.atStartOfDay();
            default -> parsed(TemporalText.localDateTime(value.toString()), value);
        };
    }

    /** A point in time; local dates and times, and text without an offset, are taken as UTC. */
    public static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime t -> t.toInstant();
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            case LocalDate d -> d.atStartOfDay().toInstant(ZoneOffset.UTC);
            default -> parsed(TemporalText.instant(value.toString()), value);
        };
    }

    private static <T> T parsed(Optional<T> result, Object value) {
        return result.orElseThrow(() -> new DateTimeParseException("not a date or time", value.toString(), 0));
    }
}
