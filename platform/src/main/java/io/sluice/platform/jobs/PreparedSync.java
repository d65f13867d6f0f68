package io.sluice.platform.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.engine.NamespaceMapping;
import io.sluice.protocol.ConfiguredCatalog;

/**
 * Everything a connection's sync needs, with the configs decrypted. Never log it.
 *
 * @param limits the connector processes' resource limits and the engine's memory budget
 */
public record PreparedSync(
        Source source,
        JsonNode sourceConfig,
        Destination destination,
        JsonNode destinationConfig,
        ConfiguredCatalog catalog,
        NamespaceMapping namespaceMapping,
        SyncLimits limits) {

    /** A sync with the default limits. */
    public PreparedSync(Source source, JsonNode sourceConfig, Destination destination, JsonNode destinationConfig,
            ConfiguredCatalog catalog, NamespaceMapping namespaceMapping) {
        this(source, sourceConfig, destination, destinationConfig, catalog, namespaceMapping, SyncLimits.DEFAULT);
    }

    public PreparedSync {
        requireNonNull(source, "source");
        requireNonNull(sourceConfig, "sourceConfig");
        requireNonNull(destination, "destination");
        requireNonNull(destinationConfig, "destinationConfig");
        requireNonNull(catalog, "catalog");
        requireNonNull(namespaceMapping, "namespaceMapping");
        requireNonNull(limits, "limits");
    }

    /** Prepares a connection's sync from the metadata store. */
    @FunctionalInterface
    public interface Planner {
        /** @throws io.sluice.cdk.ConnectorException when the connection cannot run as configured */
        PreparedSync prepare(java.util.UUID connectionId);
    }
}
