package io.sluice.connectors.postgres.destination;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * COPY's binary format: a signature header, per row an int16 field count, per field an int32
 * length (-1 for NULL) and the value in the type's binary form (big-endian; dates as days and
 * timestamps as microseconds since 2000-01-01; numeric in base-10000 digits; jsonb as version 1
 * plus text); an int16 -1 trailer. Only types whose {@link PgType#binary()} is true.
 */
final class BinaryCopyEncoder implements CopyEncoder {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final long PG_EPOCH_DAY = 10_957L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final NumericBinary numeric = new NumericBinary();

    @Override
    public String copyOptions() {
        return " (FORMAT binary)";
    }

    @Override
    public void header(CopyBuffer out) {
        for (byte b : SIGNATURE) {
            out.put(b);
        }
        out.putInt(0);
        out.putInt(0);
    }

    @Override
    public void trailer(CopyBuffer out) {
        out.putShort(-1);
    }

    @Override
    public void beginRow(CopyBuffer out, int fields) {
        out.putShort(fields);
    }

    @Override
    public void endRow(CopyBuffer out) {}

    @Override
    public void value(CopyBuffer out, int index, PgType type, Object value) {
        if (value == null) {
            out.putInt(-1);
            return;
        }
        switch (type) {
            case INT8 -> {
                out.putInt(8);
                out.putLong((Long) value);
            }
            case INT4 -> {
                out.putInt(4);
                out.putInt(((Long) value).intValue());
            }
            case INT2 -> {
                out.putInt(2);
                out.putShort(((Long) value).intValue());
            }
            case NUMERIC -> numeric.write(out, value);
            case FLOAT8 -> {
                out.putInt(8);
                out.putLong(Double.doubleToLongBits((Double) value));
            }
            case FLOAT4 -> {
                out.putInt(4);
                out.putInt(Float.floatToIntBits(((Double) value).floatValue()));
            }
            case BOOL -> {
                out.putInt(1);
                out.put((Boolean) value ? 1 : 0);
            }
            case DATE -> {
                out.putInt(4);
                out.putInt((int) (((LocalDate) value).toEpochDay() - PG_EPOCH_DAY));
            }
            case TIME -> {
                out.putInt(8);
                out.putLong(((LocalTime) value).toNanoOfDay() / 1000);
            }
            case TIMETZ -> {
                OffsetTime t = (OffsetTime) value;
                out.putInt(12);
                out.putLong(t.toLocalTime().toNanoOfDay() / 1000);
                out.putInt(-t.getOffset().getTotalSeconds());
            }
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) value;
                out.putInt(8);
                out.putLong(micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano()));
            }
            case TIMESTAMPTZ -> {
                Instant i = (Instant) value;
                out.putInt(8);
                out.putLong(micros(i.getEpochSecond(), i.getNano()));
            }
            case UUID -> {
                UUID u = (UUID) value;
                out.putInt(16);
                out.putLong(u.getMostSignificantBits());
                out.putLong(u.getLeastSignificantBits());
            }
            case TEXT, VARCHAR, JSON -> {
                int length = out.reserveInt();
                out.setInt(length, value instanceof String s ? out.putUtf8(s) : out.putId(value));
            }
            case JSONB -> {
                int length = out.reserveInt();
                out.put(1);
                out.setInt(length, 1 + out.putUtf8((String) value));
            }
            case OTHER -> throw new IllegalStateException("no binary form for an unknown column type");
        }
    }

    private static long micros(long epochSecond, int nano) {
        return (epochSecond - PG_EPOCH_SECONDS) * MICROS_PER_SECOND + nano / 1000;
    }
}
