package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * Debezium's offset store for one sync: starts from the offset in the acknowledged GLOBAL state
 * (passed in the engine property {@link #STATE_PROPERTY}) and keeps what Debezium commits in memory
 * only. The durable position is the state the destination acknowledges, never this store.
 * Instantiated by Debezium by class name.
 */
public final class CdcOffsetStore extends MemoryOffsetBackingStore {
    static final String STATE_PROPERTY = "sluice.offset.state";

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Object state = config.originals().get(STATE_PROPERTY);
        if (state == null || state.toString().isEmpty()) {
            return;
        }
        try {
            JsonNode shared = MessageCodec.mapper().readTree(state.toString());
            data.putAll(CdcOffsets.entries(shared));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return Set.of();
    }
}
