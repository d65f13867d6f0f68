package io.sluice.connectors.postgres.destination;

import io.sluice.cdk.normalization.HashId;
import java.util.Arrays;
import java.util.UUID;

/**
 * A growable byte buffer that COPY data is encoded into and then handed to the server in one
 * write; reused for the whole sync. Strings are written as UTF-8 without an intermediate byte[];
 * NUL characters, which PostgreSQL text cannot hold, are dropped.
 */
final class CopyBuffer {
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private byte[] bytes;
    private int size;

    CopyBuffer(int capacity) {
        this.bytes = new byte[capacity];
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    /** Goes on, empty, in {@code array} (the old array now belongs to whoever sends it). */
    void replace(byte[] array) {
        bytes = array;
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void put(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void putShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void putInt(int v) {
        ensure(4);
        setInt(size, v);
        size += 4;
    }

    void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    /** Overwrites 4 bytes at {@code position} (a length written once its value is known). */
    void setInt(int position, int v) {
        bytes[position] = (byte) (v >>> 24);
        bytes[position + 1] = (byte) (v >>> 16);
        bytes[position + 2] = (byte) (v >>> 8);
        bytes[position + 3] = (byte) v;
    }

    /** Reserves 4 bytes for a length; returns their position. */
    int reserveInt() {
        ensure(4);
        int position = size;
        size += 4;
        return position;
    }

    /** ASCII-only text (numbers, dates), one byte per char. */
    void putAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    /**
     * The text of a row id without building a String: a {@link HashId} as 32 hex digits, a
     * {@link UUID} in its 36-character form. Returns the number of bytes written.
     */
    int putId(Object id) {
        switch (id) {
            case HashId hash -> {
                putHex(hash.high(), 16);
                putHex(hash.low(), 16);
                return 32;
            }
            case UUID uuid -> {
                long high = uuid.getMostSignificantBits();
                long low = uuid.getLeastSignificantBits();
                putHex(high >>> 32, 8);
                put('-');
                putHex(high >>> 16, 4);
                put('-');
                putHex(high, 4);
                put('-');
                putHex(low >>> 48, 4);
                put('-');
                putHex(low, 12);
                return 36;
            }
            default -> throw new IllegalArgumentException("not a row id: " + id.getClass().getName());
        }
    }

    /**
     * The low {@code digits} (4, 8, 12 or 16) hex digits of {@code v}, lowercase, most significant
     * first: eight digits at a time, each nibble spread into its own byte and turned into its ASCII
     * digit with plain arithmetic on the whole word.
     */
    private void putHex(long v, int digits) {
        ensure(digits);
        int position = size + digits;
        for (int left = digits; left > 0; left -= 8) {
            int take = Math.min(8, left);
            long word = asciiHex8((int) v);
            position -= take;
            if (take == 8) {
                BIG_ENDIAN_LONGS.set(bytes, position, word);
            } else {
                for (int i = 0; i < take; i++) {
                    bytes[position + i] = (byte) (word >>> (8 * (take - 1 - i)));
                }
            }
            v >>>= 32;
        }
        size += digits;
    }

    /** The eight hex digits of {@code v} as ASCII bytes, the last digit in the lowest byte. */
    static long asciiHex8(int v) {
        long x = v & 0xFFFF_FFFFL;
        x = ((x & 0xFFFF_0000L) << 16) | (x & 0xFFFFL);
        x = ((x & 0x0000_FF00_0000_FF00L) << 8) | (x & 0x0000_00FF_0000_00FFL);
        x = ((x & 0x00F0_00F0_00F0_00F0L) << 4) | (x & 0x000F_000F_000F_000FL);
        long letters = ((x + 0x0606_0606_0606_0606L) >>> 4) & 0x0101_0101_0101_0101L;
        return x + 0x3030_3030_3030_3030L + letters * ('a' - '0' - 10);
    }

    /** Decimal digits of {@code v}. */
    void putDecimal(long v) {
        if (v == Long.MIN_VALUE) {
            putAscii("-9223372036854775808");
            return;
        }
        ensure(20);
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long p = 10; p <= v && digits < 19; p *= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
    }

    /** {@code v} in at least {@code width} decimal digits, zero-padded (v >= 0). */
    void putPadded(int v, int width) {
        ensure(width + 10);
        int digits = 1;
        for (int p = 10; p <= v && digits < 10; p *= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            bytes[size++] = '0';
        }
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
    }

    /** UTF-8 of {@code text} without NULs; returns the number of bytes written. */
    int putUtf8(String text) {
        return putUtf8(text, false);
    }

    /**
     * UTF-8 of {@code text} without NULs; with {@code escape}, backslash, newline, carriage return
     * and tab are written as COPY text format escapes. Returns the number of bytes written.
     */
    int putUtf8(String text, boolean escape) {
        if (!escape) {
            return putUtf8Bulk(text);
        }
        int length = text.length();
        ensure(length * 3 + 4);
        int start = size;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    continue;
                }
                if (escape && (c == '\\' || c == '\n' || c == '\r' || c == '\t')) {
                    ensure(2 + (length - i) * 3);
                    bytes[size++] = '\\';
                    bytes[size++] = (byte) (c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
                    continue;
                }
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                bytes[size++] = (byte) (0xF0 | (cp >> 18));
                bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                bytes[size++] = '?';
            } else {
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return size - start;
    }

    /**
     * The unescaped case, which binary COPY uses for every text value: the JDK's own encoder (a bulk
     * copy for Latin-1 strings) instead of a loop over {@code charAt}; NULs, which PostgreSQL
     * rejects, are taken out first in the rare string that has one (found by the JDK's vectorised
     * {@code indexOf}).
     */
    private int putUtf8Bulk(String text) {
        if (text.indexOf(0) >= 0) {
            text = text.replace("\u0000", "");
        }
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return utf8.length;
    }
}
