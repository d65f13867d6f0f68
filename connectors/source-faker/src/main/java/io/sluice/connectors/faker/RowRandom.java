package io.sluice.connectors.faker;

import java.util.SplittableRandom;

/**
 * The random source of one generated row, derived from the run's seed, the stream and the row's
 * key alone. Any row can therefore be generated on its own, in any order, and a resumed read
 * yields exactly the rows a full read would have.
 */
final class RowRandom {
    static final long USERS = 0x7573657273L;
    static final long PURCHASES = 0x7075726368L;
    static final long PRODUCTS = 0x70726f64L;

    private RowRandom() {}

    /** A fresh generator for the row {@code key} of {@code stream} under {@code seed}. */
    static SplittableRandom forRow(long seed, long stream, long key) {
        long mixed = mix(seed ^ mix(stream * 0x9E3779B97F4A7C15L) ^ mix(key + 0x632BE59BD9B4E019L));
        return new SplittableRandom(mixed);
    }

    /** The splitmix64 finaliser: spreads every input bit over the whole output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code value} rounded to two decimals, the way prices and heights are shown. */
    static double cents(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
