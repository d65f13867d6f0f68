package io.sluice.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;

/**
 * A source connector. Built-in sources are found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.sluice.cdk.Source}) and must have a public no-argument constructor.
 * One instance may serve several calls, one after another or at once: keep no per-call state in
 * fields.
 */
public interface Source {

    /** The connector's name, e.g. {@code source-faker}; stable, used in configs and on the command line. */
    String name();

    /** The config schema and capabilities. Cheap; no I/O. */
    ConnectorSpecification spec();

    /**
     * Tries the config: can the source be reached and read with it? Never throws for a bad config
     * or an unreachable system: it returns FAILED with a message a person can act on, naming the
     * field or the problem ("password authentication failed for user ...").
     */
    ConnectionStatus check(JsonNode config);

    /**
     * The streams this config gives access to, each with a JSON schema whose property order is the
     * column order of its rows.
     *
     * @throws ConnectorException classified: CONFIG for a bad config, TRANSIENT for a failure worth
     *     retrying
     */
    Catalog discover(JsonNode config);

    /**
     * Reads the selected streams, emitting rows, states and logs to {@code out} on the calling
     * thread. Each stream's rows are {@code Object[]} in the order of its
     * {@link io.sluice.protocol.AirbyteStream#jsonSchema()} properties, as {@link RowSchema}
     * describes. Incremental streams start after the position in {@code state} and report new
     * positions through STATE messages, emitted only after every record they cover. Returns when
     * all streams are read; throws {@link ConnectorException} on failure, never returns early
     * on an error. Must stop promptly (throwing) when the thread is interrupted or {@code out}
     * throws {@link SyncCancelledException}.
     */
    void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out);
}
