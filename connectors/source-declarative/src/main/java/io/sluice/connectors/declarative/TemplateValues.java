package io.sluice.connectors.declarative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values coming out of the template engine, as plain Java values (maps, lists, scalars). */
final class TemplateValues {
    private TemplateValues() {}

    static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
                yield copy;
            }
            case Collection<?> collection -> {
                List<Object> copy = new ArrayList<>(collection.size());
                collection.forEach(v -> copy.add(plain(v)));
                yield copy;
            }
            case Object[] array -> plain(Arrays.asList(array));
            default -> value;
        };
    }

    /** The text form of a value for a URL, a header or a form field: {@code null} is empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}
