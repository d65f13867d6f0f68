package io.sluice.connectors.duckdb;

import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.StateMessage;
import java.util.ArrayList;
import java.util.List;

/** Keeps every acknowledged state, in order. */
final class RecordingAcknowledger implements StateAcknowledger {
    final List<StateMessage> states = new ArrayList<>();

    @Override
    public void acknowledge(StateMessage state) {
        states.add(state);
    }

    List<Long> positions() {
        return states.stream()
                .map(s -> s.stream().orElseThrow().streamState().orElseThrow().path("position").asLong())
                .toList();
    }
}
