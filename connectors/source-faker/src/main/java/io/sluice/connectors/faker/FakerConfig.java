package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
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
    /** Keeps {@code updated_at} (an anchor plus one second per id) far inside the range of Instant. */
    static final long MAX_COUNT = 1_000_000_000_000L;
    static final long RANDOM_SEED = -1;
    static final int DEFAULT_RECORDS_PER_SLICE = 1000;
    /**
     * Airbyte defaults to true; Sluice to false, so that a second sync of the same config moves
     * nothing new (what the sample pipeline promises). Set it to true for Airbyte's behaviour.
     */
    static final boolean DEFAULT_ALWAYS_UPDATED = false;

    /** The config's problems against the spec, one per field at fault; empty when it is usable. */
    static List<ConfigError> validate(JsonNode config) {
        if (config == null || !config.isObject()) {
            return List.of(new ConfigError("", "must be a JSON object"));
        }
        List<ConfigError> problems = new ArrayList<>(ConfigValidator.validate(FakerSpec.schema(), config));
        JsonNode seed = config.get("seed");
        if (seed != null && seed.isIntegralNumber() && !seed.canConvertToLong()) {
            problems.add(new ConfigError("seed", "must fit in 64 bits"));
        }
        return problems;
    }

    /**
     * The config with defaults filled in.
     *
     * @throws ConnectorException (CONFIG) naming each field at fault
     */
    static FakerConfig from(JsonNode config) {
        List<ConfigError> problems = validate(config);
        if (!problems.isEmpty()) {
            throw ConnectorException.config(describe(problems));
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

    /** One sentence for a person: "Invalid source-faker config: count must be >= 1; ...". */
    static String describe(List<ConfigError> problems) {
        return "Invalid source-faker config: "
                + String.join("; ", problems.stream().map(ConfigError::toString).toList());
    }

    private static long longOr(JsonNode config, String field, long fallback) {
        JsonNode value = config.get(field);
        return value == null || value.isNull() ? fallback : value.asLong();
    }
}
