package io.sluice.cdk.testkit;

import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.StateMessage;
import java.util.ArrayList;
import java.util.List;

/** A {@link StateAcknowledger} that keeps the acknowledged states in order. */
public final class RecordingAcknowledger implements StateAcknowledger {
    private final List<StateMessage> states = new ArrayList<>();

    @Override
    public synchronized void acknowledge(StateMessage state) {
        states.add(state);
    }

    public synchronized List<StateMessage> states() {
        return List.copyOf(states);
    }
}
