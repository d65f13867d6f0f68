package io.sluice.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.GlobalState;
import io.sluice.protocol.StateMessage.StateType;
import io.sluice.protocol.StateMessage.StreamState;
import io.sluice.protocol.StreamDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * The state a read starts from: the latest acknowledged state message per stream (or one GLOBAL
 * or LEGACY message), as Airbyte's {@code --state} file holds it.
 */
public record InputState(List<StateMessage> messages) {

    public InputState {
        messages = List.copyOf(messages);
    }

    public static InputState empty() {
        return new InputState(List.of());
    }

    /** The stream's own state, from a STREAM message or from the GLOBAL message's stream states. */
    public Optional<JsonNode> streamState(StreamDescriptor stream) {
        for (StateMessage message : messages) {
            if (message.type() == StateType.STREAM) {
                StreamState s = message.stream().orElseThrow();
                if (s.streamDescriptor().equals(stream)) {
                    return s.streamState();
                }
            } else if (message.type() == StateType.GLOBAL) {
                for (StreamState s : message.global().orElseThrow().streamStates()) {
                    if (s.streamDescriptor().equals(stream)) {
                        return s.streamState();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The GLOBAL state, if the last sync wrote one. */
    public Optional<GlobalState> global() {
        return messages.stream()
                .filter(m -> m.type() == StateType.GLOBAL)
                .map(m -> m.global().orElseThrow())
                .findFirst();
    }

    /** The LEGACY blob, if the state is of that old kind. */
    public Optional<JsonNode> legacy() {
        return messages.stream()
                .filter(m -> m.type() == StateType.LEGACY)
                .map(m -> m.data().orElseThrow())
                .findFirst();
    }
}
