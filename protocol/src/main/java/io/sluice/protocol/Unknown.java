package io.sluice.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Unknown JSON fields a message carried, kept so that they are written back unchanged. */
final class Unknown {
    private Unknown() {}

    static Map<String, JsonNode> copy(Map<String, JsonNode> fields) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Jackson hands an absent JSON value over as null or as a JSON null; both mean "absent". */
    static <T extends JsonNode> Optional<T> present(Optional<T> value) {
        return value == null ? Optional.empty() : value.filter(v -> !v.isNull() && !v.isMissingNode());
    }
}
