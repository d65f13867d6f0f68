package io.sluice.cdk.normalization;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The {@code _airbyte_<table>_hashid} of a row: a 128-bit hash of its values ({@link HashId}, 32 hex
 * digits), so the same values always give the same id. A child row's id also covers its parent's id and its position
 * in the array.
 *
 * <p>It runs once per row on the load path, so it hashes the values themselves (their bits, a string's
 * characters) with MurmurHash3's x64 128-bit block mix, two 64-bit words a round, instead of building
 * their text and taking its md5 as Airbyte's normalization does: same shape, a fraction of the cost.
 * Not cryptographic; not thread-safe (one per stream writer).
 */
public final class RowHasher {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private long h1;
    private long h2;
    private long words;
    private long pending;

    /** The hash id of a stream row (values in row-schema order). */
    public HashId ofRow(Object[] row) {
        reset();
        for (Object value : row) {
            value(value);
        }
        return finish();
    }

    /** The hash id of the {@code index}-th element of an array under the row {@code parentHashId}. */
    public HashId ofElement(HashId parentHashId, int index, Map<?, ?> element) {
        reset();
        word(parentHashId.high());
        word(parentHashId.low());
        word(index);
        map(element);
        return finish();
    }

    private void reset() {
        h1 = 0x9368e53c2f6af274L;
        h2 = 0x586dcd208f7cd3fdL;
        words = 0;
    }

    /**
     * One value, tagged by its kind. An instanceof chain, commonest classes first: it runs for every
     * value of every row, and a pattern {@code switch} over {@code Object} costs more here.
     */
    private void value(Object value) {
        if (value == null) {
            word(0);
        } else if (value instanceof String s) {
            word(4);
            string(s);
        } else if (value instanceof Long l) {
            tagged(1, l);
        } else if (value instanceof Instant i) {
            tagged(5, i.getEpochSecond());
            word(i.getNano());
        } else if (value instanceof BigDecimal d) {
            decimal(d);
        } else if (value instanceof Boolean b) {
            tagged(3, b ? 1 : 0);
        } else if (value instanceof Double d) {
            tagged(2, Double.doubleToLongBits(d));
        } else if (value instanceof Integer i) {
            tagged(1, i);
        } else if (value instanceof LocalDate d) {
            tagged(7, d.toEpochDay());
        } else if (value instanceof LocalDateTime t) {
            tagged(8, t.toLocalDate().toEpochDay());
            word(t.toLocalTime().toNanoOfDay());
        } else if (value instanceof LocalTime t) {
            tagged(9, t.toNanoOfDay());
        } else if (value instanceof Map<?, ?> m) {
            word(10);
            map(m);
        } else if (value instanceof List<?> list) {
            tagged(11, list.size());
            for (Object item : list) {
                value(item);
            }
        } else {
            word(12);
            string(value.toString());
        }
    }

    private void decimal(BigDecimal d) {
        if (d.precision() < 19) {
            // the unscaled value without BigDecimal.unscaledValue(), which allocates a BigInteger
            tagged(6, d.scaleByPowerOfTen(d.scale()).longValue());
        } else {
            word(13);
            string(d.unscaledValue().toString());
        }
        word(d.scale());
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

    /**
     * A string's UTF-8 length, then its UTF-8 bytes eight to a word. The JDK encodes a Latin-1 string
     * with a vectorised copy, and bytes pack twice as densely as chars.
     */
    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int length = utf8.length;
        word(length);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            word((long) LONGS.get(utf8, i));
        }
        long last = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            last |= (utf8[i] & 0xFFL) << shift;
        }
        word(last);
    }

    /** Takes one word; every second one completes a 128-bit block. */
    private void word(long k) {
        if ((words++ & 1) == 0) {
            pending = k;
        } else {
            block(pending, k);
        }
    }

    private void block(long first, long second) {
        long k1 = Long.rotateLeft(first * C1, 31) * C2;
        h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        long k2 = Long.rotateLeft(second * C2, 33) * C1;
        h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private HashId finish() {
        if ((words & 1) == 1) {
            h1 ^= Long.rotateLeft(pending * C1, 31) * C2;
        }
        long a = h1 ^ words;
        long b = h2 ^ words;
        a += b;
        b += a;
        a = mix(a);
        b = mix(b);
        a += b;
        b += a;
        return new HashId(a, b);
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
