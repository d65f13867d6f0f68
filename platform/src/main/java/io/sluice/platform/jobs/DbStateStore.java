package io.sluice.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.InputState;
import io.sluice.engine.StateStore;
import io.sluice.platform.store.StateDao;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A connection's acknowledged state in the metadata database: a JSON array of state messages. */
public final class DbStateStore implements StateStore {
    private static final ObjectMapper MAPPER = MessageCodec.mapper();

    private final StateDao dao;
    private final UUID connectionId;

    public DbStateStore(StateDao dao, UUID connectionId) {
        this.dao = dao;
        this.connectionId = connectionId;
    }

    @Override
    public InputState load() {
        return dao.find(connectionId).map(DbStateStore::parse).orElse(InputState.empty());
    }

    @Override
    public void save(InputState state) {
        ArrayNode array = MAPPER.createArrayNode();
        state.messages().forEach(m -> array.add(MAPPER.valueToTree(m)));
        dao.save(connectionId, array.toString(), Instant.now());
    }

    /** The stored text as state messages. */
    public static InputState parse(String text) {
        try {
            JsonNode json = MAPPER.readTree(text);
            List<StateMessage> messages = new ArrayList<>();
            for (JsonNode message : json) {
                messages.add(MAPPER.treeToValue(message, StateMessage.class));
            }
            return new InputState(messages);
        } catch (IOException | IllegalArgumentException e) {
            throw ConnectorException.system("the stored state is not valid: " + e.getMessage(), e);
        }
    }
}
