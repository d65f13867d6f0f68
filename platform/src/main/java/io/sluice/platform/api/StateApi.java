package io.sluice.platform.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.platform.jobs.DbStateStore;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.StateDao;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.StateType;
import java.util.UUID;

/** {@code /api/v1/state/get}: a connection's acknowledged state in Airbyte's {@code ConnectionState} shape. */
public final class StateApi {
    private final ConnectionDao connections;
    private final StateDao states;

    public StateApi(ConnectionDao connections, StateDao states) {
        this.connections = connections;
        this.states = states;
    }

    public Object get(Body body) {
        UUID connectionId = body.id("connectionId");
        connections.find(connectionId).orElseThrow(() -> new ApiException.NotFound("connection", connectionId));
        InputState state = states.find(connectionId).map(DbStateStore::parse).orElse(InputState.empty());
        return connectionState(connectionId, state);
    }

    static ObjectNode connectionState(UUID connectionId, InputState state) {
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put("connectionId", connectionId.toString());
        if (state.messages().isEmpty()) {
            read.put("stateType", "not_set");
            return read;
        }
        StateType type = state.messages().get(0).type();
        switch (type) {
            case LEGACY -> {
                read.put("stateType", "legacy");
                read.set("state", state.legacy().orElseThrow());
            }
            case GLOBAL -> {
                read.put("stateType", "global");
                StateMessage.GlobalState global = state.global().orElseThrow();
                ObjectNode globalRead = read.putObject("globalState");
                global.sharedState().ifPresent(s -> globalRead.set("shared_state", s));
                ArrayNode streams = globalRead.putArray("streamStates");
                global.streamStates().forEach(s -> streams.add(streamState(s)));
            }
            case STREAM -> {
                read.put("stateType", "stream");
                ArrayNode streams = read.putArray("streamState");
                state.messages().stream()
                        .filter(m -> m.type() == StateType.STREAM)
                        .forEach(m -> streams.add(streamState(m.stream().orElseThrow())));
            }
        }
        return read;
    }

    private static ObjectNode streamState(StateMessage.StreamState s) {
        ObjectNode entry = ApiJson.MAPPER.createObjectNode();
        entry.set("streamDescriptor", MessageCodec.mapper().valueToTree(s.streamDescriptor()));
        s.streamState().ifPresent(v -> entry.set("streamState", v));
        return entry;
    }
}
