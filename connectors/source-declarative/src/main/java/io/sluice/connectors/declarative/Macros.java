package io.sluice.connectors.declarative;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Airbyte's interpolation macros, called by the template engine (hence public static). Arguments
 * arrive as the engine passes them: numbers, strings, {@link TemplateDatetime}s.
 */
public final class Macros {
    private static final List<String> LENIENT_FORMATS = List.of(
            "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S.%f%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d");

    private Macros() {}

    /** {@code now_utc()}: the current datetime in UTC. */
    public static TemplateDatetime nowUtc() {
        return new TemplateDatetime(Instant.now().truncatedTo(ChronoUnit.MICROS), false);
    }

    /** {@code today_utc()}: today's date in UTC. */
    public static TemplateDatetime todayUtc() {
        return new TemplateDatetime(LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
    }

    /** {@code day_delta(days, format='%Y-%m-%dT%H:%M:%S.%f%z')}: now plus {@code days}, as text. */
    public static String dayDelta(Object... args) {
        double days = number(args.length > 0 ? args[0] : 0);
        String format = args.length > 1 && args[1] != null ? args[1].toString() : DatetimeFormat.ISO;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS).plus(Duration.ofMillis(Math.round(days * 86_400_000)));
        return DatetimeFormat.of(format).format(at);
    }

    /**
     * {@code format_datetime(value, format, input_format=None)}: a datetime, a datetime string (read
     * with {@code input_format}, else ISO-8601 leniently) or epoch seconds, as text in {@code format}.
     */
    public static String formatDatetime(Object... args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("format_datetime takes a datetime and a format");
        }
        String inputFormat = args.length > 2 && args[2] != null ? args[2].toString() : null;
        Instant instant = toInstant(args[0], inputFormat)
                .orElseThrow(() -> new IllegalArgumentException("format_datetime cannot read '" + args[0] + "' as a datetime"));
        return DatetimeFormat.of(args[1].toString()).format(instant);
    }

    /** {@code str_to_datetime(text)}: a datetime from ISO-8601 text. */
    public static TemplateDatetime strToDatetime(Object text) {
        return new TemplateDatetime(toInstant(text, null)
                .orElseThrow(() -> new IllegalArgumentException("str_to_datetime cannot read '" + text + "'")), false);
    }

    /** {@code timestamp(value)}: epoch seconds of a datetime or datetime text. */
    public static long timestamp(Object value) {
        return toInstant(value, null)
                .orElseThrow(() -> new IllegalArgumentException("timestamp cannot read '" + value + "'"))
                .getEpochSecond();
    }

    /** {@code max(a, b, ...)}: the largest; numbers compare as numbers, datetimes as instants, else as text. */
    public static Object max(Object... args) {
        return extreme(args, 1);
    }

    /** {@code min(a, b, ...)}: the smallest. */
    public static Object min(Object... args) {
        return extreme(args, -1);
    }

    private static Object extreme(Object[] args, int sign) {
        Object[] values = args.length == 1 && args[0] instanceof List<?> list ? list.toArray() : args;
        Object best = null;
        for (Object value : values) {
            if (best == null || sign * compare(value, best) > 0) {
                best = value;
            }
        }
        return best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof TemplateDatetime || b instanceof TemplateDatetime) {
            Optional<Instant> x = toInstant(a, null);
            Optional<Instant> y = toInstant(b, null);
            if (x.isPresent() && y.isPresent()) {
                return x.get().compareTo(y.get());
            }
        }
        if (a instanceof Comparable c && a.getClass().equals(b.getClass())) {
            return c.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    static Optional<Instant> toInstant(Object value, String inputFormat) {
        if (value instanceof TemplateDatetime datetime) {
            return Optional.of(datetime.instant());
        }
        if (value instanceof Number n) {
            return Optional.of(Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000)));
        }
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        if (inputFormat != null) {
            return DatetimeFormat.of(inputFormat).parse(text);
        }
        for (String format : LENIENT_FORMATS) {
            Optional<Instant> parsed = DatetimeFormat.of(format).parse(text);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return text.matches("-?\\d+(\\.\\d+)?") ? DatetimeFormat.of("%s_as_float").parse(text) : Optional.empty();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
    }
}
