package io.sluice.connectors.declarative;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * A datetime format in Python's {@code strftime} notation, as manifests write them
 * ({@code %Y-%m-%dT%H:%M:%SZ}, {@code %Y-%m-%d}, {@code %Y-%m-%dT%H:%M:%S.%f%z}), plus Airbyte's
 * whole-value formats {@code %s} (epoch seconds), {@code %ms} (epoch milliseconds) and
 * {@code %s_as_float}. Formats and parses in UTC; a parsed value without an offset is UTC.
 */
record DatetimeFormat(String pattern, DateTimeFormatter formatter, DateTimeFormatter parser) {
    static final String ISO = "%Y-%m-%dT%H:%M:%S.%f%z";

    static DatetimeFormat of(String pattern) {
        return switch (pattern) {
            case "%s", "%ms", "%s_as_float" -> new DatetimeFormat(pattern, null, null);
            default -> new DatetimeFormat(pattern, translate(pattern, false), translate(pattern, true));
        };
    }

    String format(Instant instant) {
        return switch (pattern) {
            case "%s" -> Long.toString(instant.getEpochSecond());
            case "%ms" -> Long.toString(instant.toEpochMilli());
            case "%s_as_float" -> BigDecimal.valueOf(instant.getEpochSecond())
                    .add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros().toPlainString();
            default -> formatter.format(instant.atOffset(ZoneOffset.UTC));
        };
    }

    Optional<Instant> parse(String text) {
        String value = text.strip();
        try {
            return switch (pattern) {
                case "%s" -> Optional.of(Instant.ofEpochSecond(Long.parseLong(wholePart(value))));
                case "%ms" -> Optional.of(Instant.ofEpochMilli(Long.parseLong(wholePart(value))));
                case "%s_as_float" -> {
                    BigDecimal seconds = new BigDecimal(value);
                    long whole = seconds.longValue();
                    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
                    yield Optional.of(Instant.ofEpochSecond(whole, nanos));
                }
                default -> Optional.of(toInstant(parser.parse(value)));
            };
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static String wholePart(String value) {
        int dot = value.indexOf('.');
        return dot < 0 ? value : value.substring(0, dot);
    }

    private static Instant toInstant(TemporalAccessor parsed) {
        LocalDate date = LocalDate.of(
                parsed.isSupported(ChronoField.YEAR) ? parsed.get(ChronoField.YEAR) : 1970,
                parsed.isSupported(ChronoField.MONTH_OF_YEAR) ? parsed.get(ChronoField.MONTH_OF_YEAR) : 1,
                parsed.isSupported(ChronoField.DAY_OF_MONTH) ? parsed.get(ChronoField.DAY_OF_MONTH) : 1);
        if (parsed.isSupported(ChronoField.DAY_OF_YEAR) && !parsed.isSupported(ChronoField.MONTH_OF_YEAR)) {
            date = date.withDayOfYear(parsed.get(ChronoField.DAY_OF_YEAR));
        }
        LocalDateTime local = date.atStartOfDay()
                .withHour(parsed.isSupported(ChronoField.HOUR_OF_DAY) ? parsed.get(ChronoField.HOUR_OF_DAY) : 0)
                .withMinute(parsed.isSupported(ChronoField.MINUTE_OF_HOUR) ? parsed.get(ChronoField.MINUTE_OF_HOUR) : 0)
                .withSecond(parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0)
                .withNano(parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0);
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                : ZoneOffset.UTC;
        return local.toInstant(offset);
    }

    /** The java.time formatter of a strftime pattern. */
    private static DateTimeFormatter translate(String pattern, boolean parsing) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                literal.append(c);
                continue;
            }
            char directive = pattern.charAt(++i);
            if (directive == '%') {
                literal.append('%');
                continue;
            }
            if (!literal.isEmpty()) {
                b.appendLiteral(literal.toString());
                literal.setLength(0);
            }
            switch (directive) {
                case 'Y' -> b.appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE);
                case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
                case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
                case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
                case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
                case 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
                case 'p' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
                case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
                case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
                case 'f' -> b.appendFraction(ChronoField.NANO_OF_SECOND, parsing ? 1 : 6, parsing ? 9 : 6, false);
                case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
                case 'b' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
                case 'B' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
                case 'a' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT);
                case 'A' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL);
                case 'z' -> {
                    if (parsing) {
                        b.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                                .optionalStart().appendOffset("+HHMM", "+0000").optionalEnd();
                    } else {
                        b.appendOffset("+HHMM", "+0000");
                    }
                }
                case 'Z' -> b.appendLiteral("UTC");
                default -> throw new IllegalArgumentException("unsupported datetime directive %" + directive
                        + " in '" + pattern + "'");
            }
        }
        if (!literal.isEmpty()) {
            b.appendLiteral(literal.toString());
        }
        return b.toFormatter(Locale.ROOT).withZone(ZoneOffset.UTC);
    }
}
