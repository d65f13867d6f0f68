package io.sluice.connectors.declarative;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One unit of a stream's read: a partition (from a partition router: {@code {"customer_id": 7,
 * "parent_slice": {}}}) and a datetime interval (from the cursor: {@code {"start_time": ...,
 * "end_time": ...}}); either may be empty.
 */
record StreamSlice(Map<String, Object> partition, Map<String, Object> interval) {
    static final StreamSlice EMPTY = new StreamSlice(Map.of(), Map.of());

    StreamSlice {
        partition = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(partition));
        interval = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(interval));
    }

    Map<String, Object> merged() {
        Map<String, Object> merged = new LinkedHashMap<>(partition);
        merged.putAll(interval);
        return merged;
    }
}
