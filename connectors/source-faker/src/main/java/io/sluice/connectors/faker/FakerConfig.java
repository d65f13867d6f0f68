package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A source-faker config, in Airbyte's field names.
 *
 * @param count number of users (at least 1)
 * @param seed the random seed; {@value #RANDOM_SEED} means "a new random seed on every read"
 * @param recordsPerSlice records between two STATE checkpoints of a stream (at least 1)
 * @param alwaysUpdated when true every incremental read emits every row again with new
 *     {@code updated_at} values; when false a read emits only rows beyond the last state
 */
record FakerConfig(long count, long seed, int recordsPerSlice, boolean alwaysUpdated) {
    static final long DEFAULT_COUNT = 1000;
    static final long RANDOM_SEED = -1;
    static final int DEFAULT_RECORDS_PER_SLICE = 1000;
    /**
     * Airbyte defaults to true; Sluice to false, so that a second sync of the same config moves
     * nothing new (what the sample pipeline promises). Set it to true for Airbyte's behaviour.
     */
    static final boolean DEFAULT_ALWAYS_UPDATED = false;

    /** A problem with one config field, for a person to fix. */
    record Problem(String field, String problem) {
        @Override
        public String toString() {
            return field + ": " + problem;
        }
    }

    /** The config's problems, one per field at fault; empty when the config is usable. */
    static List<Problem> validate(JsonNode config) {
        List<Problem> problems = new ArrayList<>();
        if (config == null || !config.isObject()) {
            problems.add(new Problem("config", "must be a JSON object"));
            return problems;
        }
        integer(config, "count", 1, Long.MAX_VALUE, problems);
        integer(config, "seed", Long.MIN_VALUE, Long.MAX_VALUE, problems);
        integer(config, "records_per_slice", 1, Integer.MAX_VALUE, problems);
        integer(config, "parallelism", 1, Integer.MAX_VALUE, problems);
        JsonNode alwaysUpdated = config.get("always_updated");
        if (alwaysUpdated != null && !alwaysUpdated.isNull() && !alwaysUpdated.isBoolean()) {
            problems.add(new Problem("always_updated", "must be true or false"));
        }
        return problems;
    }

    /**
     * The config with defaults filled in.
     *
     * @throws ConnectorException (CONFIG) naming each field at fault
     */
    static FakerConfig from(JsonNode config) {
        List<Problem> problems = validate(config);
        if (!problems.isEmpty()) {
            throw ConnectorException.config("Invalid source-faker config: " + describe(problems));
        }
        return new FakerConfig(
                longOr(config, "count", DEFAULT_COUNT),
                longOr(config, "seed", RANDOM_SEED),
                (int) longOr(config, "records_per_slice", DEFAULT_RECORDS_PER_SLICE),
                config.path("always_updated").asBoolean(DEFAULT_ALWAYS_UPDATED));
    }

    /** The seed rows of one read are drawn with: the configured one, or a fresh random one. */
    long seedForRead() {
        return seed == RANDOM_SEED ? ThreadLocalRandom.current().nextLong() : seed;
    }

    static String describe(List<Problem> problems) {
        return String.join("; ", problems.stream().map(Problem::toString).toList());
    }

    private static void integer(JsonNode config, String field, long min, long max, List<Problem> problems) {
        JsonNode value = config.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(new Problem(field, "must be an integer"));
        } else if (value.asLong() < min) {
            problems.add(new Problem(field, "must be at least " + min));
        } else if (value.asLong() > max) {
            problems.add(new Problem(field, "must be at most " + max));
        }
    }

    private static long longOr(JsonNode config, String field, long fallback) {
        JsonNode value = config.get(field);
        return value == null || value.isNull() ? fallback : value.asLong();
    }
}
