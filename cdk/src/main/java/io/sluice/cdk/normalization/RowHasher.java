package io.sluice.cdk.normalization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The {@code _airbyte_<table>_hashid} of a row: a 128-bit hash of its values as 32 hex digits, so the
 * same values always give the same id. A child row's id also covers its parent's id and its position
 * in the array.
 *
 * <p>It runs once per row on the load path, so it hashes the values themselves (their bits, a string's
 * characters) with a MurmurHash3-style mix instead of building their text and taking its md5 as
 * Airbyte's normalization does: same shape, a fraction of the cost. Not cryptographic; not
 * thread-safe (one per stream writer).
 */
public final class RowHasher {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private long h1;
    private long h2;
    private long words;
    private char[] chars = new char[256];

    /** The hash id of a stream row (values in row-schema order). */
    public String ofRow(Object[] row) {
        reset();
        for (Object value : row) {
            value(value);
        }
        return finish();
    }

    /** The hash id of the {@code index}-th element of an array under the row {@code parentHashId}. */
    public String ofElement(String parentHashId, int index, Map<?, ?> element) {
        reset();
        string(parentHashId);
        word(index);
        map(element);
        return finish();
    }

    private void reset() {
        h1 = 0x9368e53c2f6af274L;
        h2 = 0x586dcd208f7cd3fdL;
        words = 0;
    }

    private void value(Object value) {
        switch (value) {
            case null -> word(0);
            case Long l -> tagged(1, l);
            case Integer i -> tagged(1, i);
            case Double d -> tagged(2, Double.doubleToLongBits(d));
            case Boolean b -> tagged(3, b ? 1 : 0);
            case String s -> {
                word(4);
                string(s);
            }
            case Instant i -> {
                tagged(5, i.getEpochSecond());
                word(i.getNano());
            }
            case BigDecimal d when d.unscaledValue().bitLength() < Long.SIZE -> {
                tagged(6, d.unscaledValue().longValue());
                word(d.scale());
            }
            case LocalDate d -> tagged(7, d.toEpochDay());
            case LocalDateTime t -> {
                tagged(8, t.toLocalDate().toEpochDay());
                word(t.toLocalTime().toNanoOfDay());
            }
            case LocalTime t -> tagged(9, t.toNanoOfDay());
            case Map<?, ?> m -> {
                word(10);
                map(m);
            }
            case List<?> list -> {
                tagged(11, list.size());
                for (Object item : list) {
                    value(item);
                }
            }
            default -> {
                word(12);
                string(value.toString());
            }
        }
    }

    private void map(Map<?, ?> map) {
        word(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            string(String.valueOf(entry.getKey()));
            value(entry.getValue());
        }
    }

    private void tagged(int tag, long value) {
        word(tag);
        word(value);
    }

    /** A string's length, then its characters four to a word (copied out once: charAt per char is slow). */
    private void string(String s) {
        int length = s.length();
        word(length);
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        char[] c = chars;
        s.getChars(0, length, c, 0);
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            word((long) c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48);
        }
        long last = 0;
        for (int shift = 0; i < length; i++, shift += 16) {
            last |= (long) c[i] << shift;
        }
        word(last);
    }

    private void word(long k) {
        words++;
        long k1 = Long.rotateLeft(k * C1, 31) * C2;
        h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        long k2 = Long.rotateLeft(k * C2, 33) * C1;
        h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private String finish() {
        long a = h1 ^ words;
        long b = h2 ^ words;
        a += b;
        b += a;
        a = mix(a);
        b = mix(b);
        a += b;
        b += a;
        char[] hex = new char[32];
        for (int i = 0; i < 16; i++) {
            hex[i] = HEX[(int) (a >>> (60 - 4 * i)) & 0xF];
            hex[16 + i] = HEX[(int) (b >>> (60 - 4 * i)) & 0xF];
        }
        return new String(hex);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53a8ec5L;
        k ^= k >>> 33;
        return k;
    }
}
