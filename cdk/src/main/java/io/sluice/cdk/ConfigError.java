package io.sluice.cdk;

import static java.util.Objects.requireNonNull;

/**
 * One problem with a connector config: the field as a dotted path ({@code replication_method.method},
 * {@code port}, {@code schemas[0]}; empty for the config as a whole) and what is wrong in plain words
 * ({@code is required}, {@code must be an integer}). Never holds the field's value.
 */
public record ConfigError(String field, String problem) {
    public ConfigError {
        requireNonNull(field, "field");
        requireNonNull(problem, "problem");
    }

    /** {@code port must be >= 1}, or just the problem for the whole config. */
    @Override
    public String toString() {
        return field.isEmpty() ? "the config " + problem : field + " " + problem;
    }
}
