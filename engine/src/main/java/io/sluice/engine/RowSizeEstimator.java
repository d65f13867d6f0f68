package io.sluice.engine;

import java.util.List;
import java.util.Map;

/**
 * A cheap estimate of a row's serialised size, computed without serialising: string length,
 * 8 for a number, the sum of entries for maps and lists. Good enough for "bytes moved" counters.
 */
final class RowSizeEstimator {
    private RowSizeEstimator() {}

    static long estimate(Object[] row) {
        long size = 0;
        for (Object value : row) {
            size += estimateValue(value);
        }
        return size;
    }

    static long estimateValue(Object value) {
        return switch (value) {
            case null -> 0;
            case String s -> s.length();
            case Number n -> 8;
            case Boolean b -> 1;
            case byte[] bytes -> bytes.length;
            case Map<?, ?> map -> {
                long size = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    size += estimateValue(e.getKey()) + estimateValue(e.getValue());
                }
                yield size;
            }
            case List<?> list -> {
                long size = 0;
                for (Object item : list) {
                    size += estimateValue(item);
                }
                yield size;
            }
            default -> 16; // dates, times, other small values
        };
    }
}
