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
 * @param continuous the connection's {@code scheduleType} is {@code continuous}: a CDC source follows
 *     its log until the job is cancelled
 */
public record PreparedSync(
        Source source,
        JsonNode sourceConfig,
        Destination destination,
        JsonNode destinationConfig,
        ConfiguredCatalog catalog,
        NamespaceMapping namespaceMapping,
        boolean continuous) {

    public PreparedSync {
        requireNonNull(source, "source");
        requireNonNull(sourceConfig, "sourceConfig");
        requireNonNull(destination, "destination");
        requireNonNull(destinationConfig, "destinationConfig");
        requireNonNull(catalog, "catalog");
        requireNonNull(namespaceMapping, "namespaceMapping");
    }

    /** A sync that ends once the source has read everything (not continuous). */
    public PreparedSync(Source source, JsonNode sourceConfig, Destination destination, JsonNode destinationConfig,
            ConfiguredCatalog catalog, NamespaceMapping namespaceMapping) {
        this(source, sourceConfig, destination, destinationConfig, catalog, namespaceMapping, false);
    }

    /** Prepares a connection's sync from the metadata store. */
    @FunctionalInterface
    public interface Planner {
        /** @throws io.sluice.cdk.ConnectorException when the connection cannot run as configured */
        PreparedSync prepare(java.util.UUID connectionId);
    }
}
