package io.sluice.connectors.postgres.destination;

import java.util.Arrays;

/**
 * A growable byte buffer that COPY data is encoded into and then handed to the server in one
 * write; reused for the whole sync. Strings are written as UTF-8 without an intermediate byte[];
 * NUL characters, which PostgreSQL text cannot hold, are dropped.
 */
final class CopyBuffer {
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
     * rejects, are squeezed out afterwards in the rare string that has one.
     */
    private int putUtf8Bulk(String text) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ensure(utf8.length);
        int start = size;
        for (byte b : utf8) {
            if (b == 0) {
                for (byte kept : utf8) {
                    if (kept != 0) {
                        bytes[size++] = kept;
                    }
                }
                return size - start;
            }
        }
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return utf8.length;
    }
}
