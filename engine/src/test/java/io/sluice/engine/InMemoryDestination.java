package io.sluice.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A destination that keeps rows in memory and commits them on each checkpoint (then acknowledges
 * it); on an input failure it drops what is not committed and rethrows. Rows are kept per
 * destination stream descriptor.
 */
class InMemoryDestination implements Destination {
    final Map<StreamDescriptor, List<Object[]>> committed = new ConcurrentHashMap<>();
    final AtomicLong received = new AtomicLong();
    final AtomicReference<ConfiguredCatalog> catalogSeen = new AtomicReference<>();
    final AtomicReference<Throwable> inputFailure = new AtomicReference<>();
    final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    private volatile long sleepPerBatchMillis;
    private volatile int failAfterCheckpoints = -1;
    private volatile boolean keepChunks;

    InMemoryDestination sleepPerBatch(long millis) {
        this.sleepPerBatchMillis = millis;
        return this;
    }

    /** Fails (CONFIG) when the given checkpoint arrives, after acknowledging the ones before. */
    InMemoryDestination failAtCheckpoint(int checkpointNumber) {
        this.failAfterCheckpoints = checkpointNumber;
        return this;
    }

    /** The config of the last write. */
    final AtomicReference<JsonNode> configSeen = new AtomicReference<>();

    InMemoryDestination keepChunks() {
        this.keepChunks = true;
        return this;
    }

    @Override
    public String name() {
        return "destination-memory";
    }

    @Override
    public ConnectorSpecification spec() {
        return ConnectorSpecification.ofDestination(null, JsonNodeFactory.instance.objectNode(),
                List.of(DestinationSyncMode.APPEND), false);
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        return ConnectionStatus.succeeded();
    }

    @Override
    public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger) {
        catalogSeen.set(catalog);
        configSeen.set(config);
        List<List<Object[]>> uncommitted = new ArrayList<>();
        catalog.streams().forEach(s -> uncommitted.add(new ArrayList<>()));
        int checkpoints = 0;
        while (true) {
            Optional<Chunk> next;
            try {
                next = input.next();
            } catch (RuntimeException e) {
                inputFailure.set(e);
                throw e; // rollback: uncommitted rows are dropped
            }
            if (next.isEmpty()) {
                break;
            }
            if (keepChunks) {
                chunks.add(next.get());
            }
            switch (next.get()) {
                case Chunk.RowBatch batch -> {
                    uncommitted.get(batch.streamIndex()).addAll(batch.rows());
                    received.addAndGet(batch.rows().size());
                    sleep();
                }
                case Chunk.Checkpoint checkpoint -> {
                    checkpoints++;
                    if (checkpoints == failAfterCheckpoints) {
                        throw ConnectorException.config("the destination table is read-only");
                    }
                    commit(catalog, uncommitted);
                    acknowledger.acknowledge(checkpoint.state());
                }
            }
        }
        commit(catalog, uncommitted);
    }

    List<Object[]> rows(StreamDescriptor stream) {
        return committed.getOrDefault(stream, List.of());
    }

    private void commit(ConfiguredCatalog catalog, List<List<Object[]>> uncommitted) {
        for (int i = 0; i < uncommitted.size(); i++) {
            committed.computeIfAbsent(catalog.streams().get(i).descriptor(), d -> new CopyOnWriteArrayList<>())
                    .addAll(uncommitted.get(i));
            uncommitted.get(i).clear();
        }
    }

    private void sleep() {
        if (sleepPerBatchMillis > 0) {
            try {
                Thread.sleep(sleepPerBatchMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
