package io.sluice.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import java.util.Optional;

/**
 * A destination connector. Built-in destinations are found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.sluice.cdk.Destination}) and must have a public no-argument
 * constructor. Keep no per-call state in fields.
 */
public interface Destination {

    /** The connector's name, e.g. {@code destination-duckdb}. */
    String name();

    /** The config schema, the destination sync modes it supports, whether it normalizes. */
    io.sluice.protocol.ConnectorSpecification spec();

    /** Tries the config (can it connect and write?); never throws, returns FAILED with a message. */
    ConnectionStatus check(JsonNode config);

    /**
     * Writes what {@code input} yields, on the calling thread, until it is exhausted. The catalog
     * is the one the destination must write: namespaces and names already follow the
     * connection's namespace rules. On a {@link Chunk.Checkpoint} it makes every row received
     * before it durable, then calls {@link StateAcknowledger#acknowledge} with that state. When the
     * input ends it finishes each stream (for OVERWRITE: swaps the new data in atomically) and
     * acknowledges any state still pending. If {@code input.next()} throws (the source failed or
     * the sync was cancelled) it rolls back what was not committed and rethrows: the destination
     * stays as of the last acknowledged state.
     */
    void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger);

    /**
     * A connection for SQL run after a sync (a connection's SQL steps), on the database this
     * destination writes to with {@code config}; empty when the destination cannot run SQL (the
     * default). Called by the platform's worker thread after {@link #write} has returned, never
     * during it; the connection is opened by this call, and the caller closes the runner when its
     * statements are done.
     *
     * @throws ConnectorException CONFIG for a config it cannot read, TRANSIENT when the database
     *     cannot be reached
     */
    default Optional<SqlRunner> sqlRunner(JsonNode config) {
        return Optional.empty();
    }

    /**
     * How dbt reaches the database this destination writes to with {@code config}: the adapter and
     * fields of a {@code profiles.yml} output (secrets as {@link io.sluice.cdk.Secret}s), and the
     * schema of the raw tables; empty when no dbt adapter fits (the default). Called by the
     * platform's worker thread after a sync, before it writes a private profiles file; opens nothing.
     *
     * @throws ConnectorException CONFIG for a config it cannot read
     */
    default Optional<DbtProfile> dbtProfile(JsonNode config) {
        return Optional.empty();
    }
}
