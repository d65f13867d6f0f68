package io.sluice.cdk.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * How a change-data-capture source learns that its connection runs continuously: instead of
 * stopping once it has caught up with the log, the read keeps following it (emitting records and
 * GLOBAL state checkpoints as changes arrive) until the sync is cancelled.
 *
 * <p>The engine asks for it by adding the top-level key {@value #CONFIG_KEY}{@code : true} to the
 * source's configuration; the key is Sluice's own, never part of a spec, never stored with the
 * source, and an external connector that does not know it ignores it (and stops as in batch mode).
 * The engine sets the same key on the destination's configuration: a destination that batches
 * commits over several checkpoints for throughput then commits at each checkpoint instead, so
 * changes become visible within about a second.
 */
public final class ContinuousMode {
    /** The configuration key the engine sets; keys starting with {@code _sluice_} are internal. */
    public static final String CONFIG_KEY = "_sluice_continuous";

    private ContinuousMode() {
    }

    /** Whether {@code config} asks the read to follow the log until cancelled. */
    public static boolean requested(JsonNode config) {
        return config != null && config.path(CONFIG_KEY).asBoolean(false);
    }

    /** A copy of {@code config} that asks for a continuous read. */
    public static ObjectNode request(ObjectNode config) {
        Objects.requireNonNull(config, "config");
        ObjectNode copy = config.deepCopy();
        copy.put(CONFIG_KEY, true);
        return copy;
    }
}
