package io.sluice.engine;

import java.util.List;
import java.util.Map;

/**
 * A cheap estimate of a row's serialised size, computed without serialising: string length,
 * 8 for a number, the sum of entries for maps and lists. Good enough for "bytes moved" counters.
 */
final class RowSizeEstimator {
    /** An Object[]'s header and length, roughly. */
    private static final long ROW_OVERHEAD = 16;
    /** Per value: its reference and the header and fields of the object behind it, roughly. */
    private static final long VALUE_OVERHEAD = 24;

    private RowSizeEstimator() {}

    /**
     * A rough size of the row on the heap, from its {@link #estimate} (so the values are not walked
     * twice): what the engine's memory budget counts. It is an estimate, not a measurement; nested
     * maps and lists count only their contents.
     */
    static long heapBytes(Object[] row, long estimate) {
        return estimate + ROW_OVERHEAD + VALUE_OVERHEAD * row.length;
    }

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
