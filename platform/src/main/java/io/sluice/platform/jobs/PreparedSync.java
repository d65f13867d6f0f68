package io.sluice.platform.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.engine.NamespaceMapping;
import io.sluice.platform.operations.ConnectionOperation;
import io.sluice.protocol.ConfiguredCatalog;
import java.util.List;

/**
 * Everything a connection's sync needs, with the configs decrypted. Never log it.
 *
 * @param operations what runs, in order, after the sync succeeds (the connection's {@code operationIds})
 * @param limits the connector processes' resource limits and the engine's memory budget
 */
public record PreparedSync(
        Source source,
        JsonNode sourceConfig,
        Destination destination,
        JsonNode destinationConfig,
        ConfiguredCatalog catalog,
        NamespaceMapping namespaceMapping,
        List<ConnectionOperation> operations,
        SyncLimits limits) {

    public PreparedSync {
        requireNonNull(source, "source");
        requireNonNull(sourceConfig, "sourceConfig");
        requireNonNull(destination, "destination");
        requireNonNull(destinationConfig, "destinationConfig");
        requireNonNull(catalog, "catalog");
        requireNonNull(namespaceMapping, "namespaceMapping");
        operations = List.copyOf(operations);
        requireNonNull(limits, "limits");
    }

    /** A sync with no operations after it and the default limits. */
    public PreparedSync(Source source, JsonNode sourceConfig, Destination destination, JsonNode destinationConfig,
            ConfiguredCatalog catalog, NamespaceMapping namespaceMapping) {
        this(source, sourceConfig, destination, destinationConfig, catalog, namespaceMapping, List.of(),
                SyncLimits.DEFAULT);
    }

    /** Prepares a connection's sync from the metadata store. */
    @FunctionalInterface
    public interface Planner {
        /** @throws io.sluice.cdk.ConnectorException when the connection cannot run as configured */
        PreparedSync prepare(java.util.UUID connectionId);
    }
}
