package io.sluice.connectors.postgres.destination;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * COPY's text format: tab-separated values, one line per row, {@code \N} for NULL, backslash,
 * tab, newline and carriage return escaped. Dates and timestamps are written digit by digit.
 */
final class TextCopyEncoder implements CopyEncoder {
    private static final long SECONDS_PER_DAY = 86_400L;

    @Override
    public String copyOptions() {
        return "";
    }

    @Override
    public void header(CopyBuffer out) {}

    @Override
    public void trailer(CopyBuffer out) {}

    @Override
    public void beginRow(CopyBuffer out, int fields) {}

    @Override
    public void endRow(CopyBuffer out) {
        out.put('\n');
    }

    @Override
    public void value(CopyBuffer out, int index, PgType type, Object value) {
        if (index > 0) {
            out.put('\t');
        }
        if (value == null) {
            out.put('\\');
            out.put('N');
            return;
        }
        switch (type) {
            case INT8, INT4, INT2 -> out.putDecimal((Long) value);
            case NUMERIC -> out.putAscii(value instanceof BigDecimal d ? d.toString() : special((Double) value));
            case FLOAT8, FLOAT4 -> out.putAscii(Double.toString((Double) value));
            case BOOL -> out.put((Boolean) value ? 't' : 'f');
            case DATE -> date(out, (LocalDate) value);
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) value;
                date(out, t.toLocalDate());
                out.put(' ');
                time(out, t.toLocalTime().toSecondOfDay(), t.getNano());
            }
            case TIMESTAMPTZ -> timestamptz(out, (Instant) value);
            case TIME -> {
                LocalTime t = (LocalTime) value;
                time(out, t.toSecondOfDay(), t.getNano());
            }
            case TIMETZ, UUID -> out.putAscii(value.toString());
            case TEXT, VARCHAR, OTHER, JSONB, JSON -> {
                if (value instanceof String s) {
                    out.putUtf8(s, true);
                } else {
                    out.putId(value);
                }
            }
        }
    }

    private static String special(Double value) {
        return value.isNaN() ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }

    private static void timestamptz(CopyBuffer out, Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        date(out, LocalDate.ofEpochDay(day));
        out.put(' ');
        time(out, (int) (seconds - day * SECONDS_PER_DAY), instant.getNano());
        out.put('+');
        out.put('0');
        out.put('0');
    }

    private static void date(CopyBuffer out, LocalDate date) {
        int year = date.getYear();
        out.putPadded(year < 1 ? 1 - year : year, 4);
        out.put('-');
        out.putPadded(date.getMonthValue(), 2);
        out.put('-');
        out.putPadded(date.getDayOfMonth(), 2);
        if (year < 1) {
            out.putAscii(" BC");
        }
    }

    private static void time(CopyBuffer out, int secondOfDay, int nano) {
        out.putPadded(secondOfDay / 3600, 2);
        out.put(':');
        out.putPadded(secondOfDay / 60 % 60, 2);
        out.put(':');
        out.putPadded(secondOfDay % 60, 2);
        if (nano != 0) {
            out.put('.');
            out.putPadded(nano / 1000, 6);
        }
    }
}
