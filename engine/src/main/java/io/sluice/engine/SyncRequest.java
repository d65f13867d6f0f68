package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.protocol.ConfiguredCatalog;
import java.time.Duration;

/**
 * Everything one sync needs. Build it with {@link #builder}; the defaults are source namespaces,
 * an in-memory state, no listener, batches of 1000 rows, a queue of 16 batches, a memory budget of
 * 256 MiB, no connector limits and progress every second.
 *
 * @param catalog the streams to read, with the source's names; a stream's index is its position
 * @param batchSize rows per batch handed to the destination
 * @param queueCapacity how many batches (and checkpoints) may wait between source and destination
 * @param memoryBudgetBytes what the rows one sync holds may take on the heap (estimated): half of
 *     it bounds the queue, an eighth the batches the source is filling; the rest is headroom for the
 *     batch the destination is writing and its own buffers. Default 256 MiB, at least 1 MiB
 * @param connectorResources limits for the connectors that run as processes ({@link ExternalSource},
 *     {@link ExternalDestination}), each process held to them on its own; in-process connectors
 *     share the JVM and are bounded by the memory budget instead
 */
public record SyncRequest(
        Source source,
        JsonNode sourceConfig,
        Destination destination,
        JsonNode destinationConfig,
        ConfiguredCatalog catalog,
        NamespaceMapping namespaceMapping,
        StateStore stateStore,
        SyncListener listener,
        int batchSize,
        int queueCapacity,
        Duration progressInterval,
        long memoryBudgetBytes,
        ResourceRequirements connectorResources) {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int DEFAULT_QUEUE_CAPACITY = 16;
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(1);
    public static final long DEFAULT_MEMORY_BUDGET_BYTES = 256L << 20;
    public static final long MIN_MEMORY_BUDGET_BYTES = 1L << 20;

    public SyncRequest {
        requireNonNull(source, "source");
        requireNonNull(sourceConfig, "sourceConfig");
        requireNonNull(destination, "destination");
        requireNonNull(destinationConfig, "destinationConfig");
        requireNonNull(catalog, "catalog");
        requireNonNull(namespaceMapping, "namespaceMapping");
        requireNonNull(stateStore, "stateStore");
        requireNonNull(listener, "listener");
        requireNonNull(progressInterval, "progressInterval");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive");
        }
        if (memoryBudgetBytes < MIN_MEMORY_BUDGET_BYTES) {
            throw new IllegalArgumentException("memoryBudgetBytes must be at least 1 MiB, got " + memoryBudgetBytes);
        }
        requireNonNull(connectorResources, "connectorResources");
    }

    /** How many bytes of rows may wait in the queue: half the budget. */
    long queueBytes() {
        return memoryBudgetBytes / 2;
    }

    /** How many bytes of rows may wait in the batches the source is filling: an eighth of the budget. */
    long pendingBatchBytes() {
        return memoryBudgetBytes / 8;
    }

    public static Builder builder(Source source, JsonNode sourceConfig, Destination destination,
            JsonNode destinationConfig, ConfiguredCatalog catalog) {
        return new Builder(source, sourceConfig, destination, destinationConfig, catalog);
    }

    /** Builds a {@link SyncRequest} with defaults for the optional parts. */
    public static final class Builder {
        private final Source source;
        private final JsonNode sourceConfig;
        private final Destination destination;
        private final JsonNode destinationConfig;
        private final ConfiguredCatalog catalog;
        private NamespaceMapping namespaceMapping = NamespaceMapping.sourceDefault();
        private StateStore stateStore = new InMemoryStateStore();
        private SyncListener listener = SyncListener.NONE;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
        private long memoryBudgetBytes = DEFAULT_MEMORY_BUDGET_BYTES;
        private ResourceRequirements connectorResources = ResourceRequirements.NONE;

        private Builder(Source source, JsonNode sourceConfig, Destination destination, JsonNode destinationConfig,
                ConfiguredCatalog catalog) {
            this.source = source;
            this.sourceConfig = sourceConfig;
            this.destination = destination;
            this.destinationConfig = destinationConfig;
            this.catalog = catalog;
        }

        public Builder namespaceMapping(NamespaceMapping value) {
            this.namespaceMapping = value;
            return this;
        }

        public Builder stateStore(StateStore value) {
            this.stateStore = value;
            return this;
        }

        public Builder listener(SyncListener value) {
            this.listener = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder queueCapacity(int value) {
            this.queueCapacity = value;
            return this;
        }

        public Builder progressInterval(Duration value) {
            this.progressInterval = value;
            return this;
        }

        public Builder memoryBudgetBytes(long value) {
            this.memoryBudgetBytes = value;
            return this;
        }

        public Builder connectorResources(ResourceRequirements value) {
            this.connectorResources = value;
            return this;
        }

        public SyncRequest build() {
            return new SyncRequest(source, sourceConfig, destination, destinationConfig, catalog, namespaceMapping,
                    stateStore, listener, batchSize, queueCapacity, progressInterval, memoryBudgetBytes,
                    connectorResources);
        }
    }
}
