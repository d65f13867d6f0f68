package io.sluice.cdk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lenient reading of dates and times as sources write them: {@code T} or a space between date and
 * time, optional seconds and fraction, an optional offset ({@code Z}, {@code +02:00},
 * {@code +0200}, {@code +02}, also after a space). Each method returns empty when the text is not such a value.
 */
final class TemporalText {
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    private static final Pattern SPACE_BEFORE_OFFSET = Pattern.compile("\\s+(?=(?:[+-]\\d{2}(?::?\\d{2})?|[zZ])$)");

    private TemporalText() {}

    static Optional<LocalDate> date(String text) {
        return dateTime(text).map(t -> LocalDate.from(t));
    }

    /** A timestamp without time zone; an offset, when given, is dropped (the local part is kept). */
    static Optional<LocalDateTime> localDateTime(String text) {
        return dateTime(text).map(TemporalText::localPart);
    }

    /** A point in time; text without an offset is taken as UTC. */
    static Optional<Instant> instant(String text) {
        return dateTime(text).map(t -> t.isSupported(ChronoField.OFFSET_SECONDS)
                ? OffsetDateTime.of(localPart(t), ZoneOffset.from(t)).toInstant()
                : localPart(t).toInstant(ZoneOffset.UTC));
    }

    /** A time of day; an offset, when given, is dropped. */
    static Optional<LocalTime> localTime(String text) {
        return time(text).map(t -> LocalTime.from(t));
    }

    /** A time of day with offset; text without an offset is taken as UTC. */
    static Optional<OffsetTime> offsetTime(String text) {
        return time(text).map(t -> OffsetTime.of(LocalTime.from(t),
                t.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(t) : ZoneOffset.UTC));
    }

    private static LocalDateTime localPart(TemporalAccessor t) {
        LocalDate date = LocalDate.from(t);
        return t.isSupported(ChronoField.HOUR_OF_DAY) ? date.atTime(LocalTime.from(t)) : date.atStartOfDay();
    }

    private static Optional<TemporalAccessor> dateTime(String text) {
        String s = text.strip();
        if (s.length() > 10 && (s.charAt(10) == ' ' || s.charAt(10) == 't')) {
            s = s.substring(0, 10) + 'T' + s.substring(11).stripLeading();
        }
        s = SPACE_BEFORE_OFFSET.matcher(s).replaceFirst("");
        return parse(s, DATE_TIME);
    }

    private static Optional<TemporalAccessor> time(String text) {
        return parse(text.strip(), TIME);
    }

    private static Optional<TemporalAccessor> parse(String text, DateTimeFormatter formatter) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(formatter.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
