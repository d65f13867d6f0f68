package io.sluice.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;

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
}
