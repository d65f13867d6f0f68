package io.sluice.connectors.s3.destination;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code _airbyte_ab_id} of the row being written: a random (version 4) UUID in its usual
 * 36-character form, kept as ASCII bytes in one reused buffer so a Parquet writer copies them
 * without a {@code String} or an encoding step per row; text writers take {@link #toString()}.
 * Random from {@link ThreadLocalRandom}, without the cost of a secure random per row. One writing
 * thread; the bytes change on {@link #next()}.
 */
final class AbId {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] ascii = new byte[36];

    /** Draws the next id. */
    AbId next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        hex(high >>> 32, 8, 0);
        ascii[8] = '-';
        hex(high >>> 16, 4, 9);
        ascii[13] = '-';
        hex(high, 4, 14);
        ascii[18] = '-';
        hex(low >>> 48, 4, 19);
        ascii[23] = '-';
        hex(low, 12, 24);
        return this;
    }

    /** The id as 36 ASCII bytes; the array is reused by the next {@link #next()}. */
    byte[] ascii() {
        return ascii;
    }

    @Override
    public String toString() {
        return new String(ascii, StandardCharsets.US_ASCII);
    }

    /** The low {@code digits} hex digits of {@code bits} at {@code offset}, most significant first. */
    private void hex(long bits, int digits, int offset) {
        for (int i = digits - 1; i >= 0; i--) {
            ascii[offset + i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
    }
}
