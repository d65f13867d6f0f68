package io.sluice.connectors.declarative;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a template sees ({@code config}, {@code parameters}, {@code stream_slice},
 * {@code stream_interval}, {@code stream_partition}, {@code next_page_token}, {@code response},
 * {@code headers}, {@code last_record}, {@code record}, ...). Immutable: {@link #with} makes a copy.
 */
record TemplateVars(Map<String, Object> values) {

    TemplateVars {
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    static TemplateVars ofConfig(Map<String, Object> config) {
        return new TemplateVars(Map.of("config", config));
    }

    TemplateVars with(String name, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(name, value);
        return new TemplateVars(copy);
    }

    /** The slice variables: {@code stream_slice} (partition and interval together) and each part alone. */
    TemplateVars withSlice(StreamSlice slice) {
        return with("stream_slice", slice.merged())
                .with("stream_partition", slice.partition())
                .with("stream_interval", slice.interval());
    }
}
