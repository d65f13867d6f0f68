package io.sluice.cdk;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What dbt needs to reach a destination: one output of a {@code profiles.yml} and where the raw
 * tables are. Values are strings, numbers, booleans or {@link Secret}s; a secret prints as
 * {@value Secret#MASK} ({@code toString} included) and is revealed only by {@link #revealedFields()},
 * which the platform calls to write the private profiles file and for nothing else.
 *
 * @param type the dbt adapter ({@code postgres}, {@code duckdb}, {@code dremio})
 * @param fields the output's fields besides {@code type}, in the order they are written
 * @param rawDatabase where the sync's raw tables are, as dbt names a relation's database
 * @param rawSchema where the sync's raw tables are, as dbt names a relation's schema (for streams
 *     without a namespace)
 */
public record DbtProfile(String type, Map<String, Object> fields, String rawDatabase, String rawSchema) {
    public DbtProfile {
        requireNonNull(type, "type");
        requireNonNull(rawDatabase, "rawDatabase");
        requireNonNull(rawSchema, "rawSchema");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        fields.forEach((name, value) -> {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Secret)) {
                throw new IllegalArgumentException("dbt profile field " + name + " must be a string, number, "
                        + "boolean or secret");
            }
        });
    }

    /** The fields with secrets revealed, {@code type} first: only for writing the private profiles file. */
    public Map<String, Object> revealedFields() {
        Map<String, Object> revealed = new LinkedHashMap<>();
        revealed.put("type", type);
        fields.forEach((name, value) -> revealed.put(name, value instanceof Secret s ? s.reveal() : value));
        return revealed;
    }
}
