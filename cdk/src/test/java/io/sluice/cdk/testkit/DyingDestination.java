package io.sluice.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import java.time.Duration;

/**
 * A real destination whose input breaks after {@code chunks} chunks, each taking at least
 * {@code perChunk}: a sync dying half-way, after some of its checkpoints were acknowledged.
 */
public record DyingDestination(Destination real, int chunks, Duration perChunk) implements Destination {

    /** Dies after {@code chunks} chunks, as fast as the destination takes them. */
    public DyingDestination(Destination real, int chunks) {
        this(real, chunks, Duration.ZERO);
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public ConnectorSpecification spec() {
        return real.spec();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        return real.check(config);
    }

    @Override
    public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acks) {
        int[] seen = {0};
        real.write(config, catalog, () -> {
            if (++seen[0] > chunks) {
                throw new IllegalStateException("killed after " + chunks + " chunks");
            }
            try {
                Thread.sleep(perChunk.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return input.next();
        }, acks);
    }
}
