package io.sluice.connectors.faker;

import io.sluice.cdk.Emitter;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps everything a read emits, in order; for small reads only. */
final class RecordingEmitter implements Emitter {
    /** One emitted message: a record ({@code row} set) or a state ({@code state} set). */
    record Event(int streamIndex, Object[] row, StateMessage state) {}

    final List<Event> events = new ArrayList<>();
    final List<TraceMessage> traces = new ArrayList<>();

    @Override
    public void record(int streamIndex, Object[] row) {
        events.add(new Event(streamIndex, row, null));
    }

    @Override
    public void state(StateMessage state) {
        events.add(new Event(-1, null, state));
    }

    @Override
    public void log(LogMessage.Level level, String message) {}

    @Override
    public void trace(TraceMessage trace) {
        traces.add(trace);
    }

    List<Object[]> rows(int streamIndex) {
        return events.stream().filter(e -> e.row() != null && e.streamIndex() == streamIndex).map(Event::row).toList();
    }

    List<StateMessage> states() {
        return events.stream().filter(e -> e.state() != null).map(Event::state).toList();
    }

    /** The last state of each stream, as the next read's input state would hold them. */
    List<StateMessage> lastStates() {
        Map<String, StateMessage> last = new LinkedHashMap<>();
        for (StateMessage state : states()) {
            last.put(state.stream().orElseThrow().streamDescriptor().name(), state);
        }
        return List.copyOf(last.values());
    }
}
