package io.sluice.engine;

import io.sluice.cdk.InputState;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.StateType;
import io.sluice.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds an acknowledged state message into the saved state: a STREAM message replaces that
 * stream's entry (and drops a LEGACY blob), a GLOBAL message replaces any previous GLOBAL, the STREAM
 * entries of the streams it covers (a connection switched from cursors to CDC) and a LEGACY blob; a
 * LEGACY message replaces everything.
 */
public final class StateMerger {
    private StateMerger() {}

    public static InputState merge(InputState current, StateMessage acknowledged) {
        List<StateMessage> merged = new ArrayList<>(current.messages().size() + 1);
        switch (acknowledged.type()) {
            case STREAM -> {
                StreamDescriptor stream = acknowledged.stream().orElseThrow().streamDescriptor();
                for (StateMessage m : current.messages()) {
                    boolean sameStream = m.type() == StateType.STREAM
                            && m.stream().orElseThrow().streamDescriptor().equals(stream);
                    if (!sameStream && m.type() != StateType.LEGACY) {
                        merged.add(m);
                    }
                }
            }
            case GLOBAL -> {
                List<StreamDescriptor> covered = acknowledged.global().orElseThrow().streamStates().stream()
                        .map(StateMessage.StreamState::streamDescriptor).toList();
                for (StateMessage m : current.messages()) {
                    if (m.type() == StateType.STREAM
                            && !covered.contains(m.stream().orElseThrow().streamDescriptor())) {
                        merged.add(m);
                    }
                }
            }
            case LEGACY -> { }
        }
        merged.add(withoutStats(acknowledged));
        return new InputState(merged);
    }

    /** The saved state holds positions only, not the per-attempt record counts. */
    private static StateMessage withoutStats(StateMessage m) {
        if (m.sourceStats().isEmpty() && m.destinationStats().isEmpty()) {
            return m;
        }
        return new StateMessage(m.type(), m.stream(), m.global(), m.data(), Optional.empty(),
                Optional.empty(), m.unknownFields());
    }
}
