package io.sluice.cdk.testkit;

import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.protocol.ControlMessage;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.StateType;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.TraceMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An {@link Emitter} that keeps everything a source emits, for assertions: rows per stream index,
 * states, logs and traces in order, and how many records came before each state.
 */
public final class CollectingEmitter implements Emitter {
    private final Map<Integer, List<Object[]>> rows = new TreeMap<>();
    private final List<StateMessage> states = new ArrayList<>();
    private final List<Integer> recordsBeforeStates = new ArrayList<>();
    private final List<LogMessage> logs = new ArrayList<>();
    private final List<TraceMessage> traces = new ArrayList<>();
    private final List<ControlMessage> controls = new ArrayList<>();
    private int recordCount;

    @Override
    public synchronized void record(int streamIndex, Object[] row) {
        rows.computeIfAbsent(streamIndex, i -> new ArrayList<>()).add(row);
        recordCount++;
    }

    @Override
    public synchronized void state(StateMessage state) {
        states.add(state);
        recordsBeforeStates.add(recordCount);
    }

    @Override
    public synchronized void log(LogMessage.Level level, String message) {
        logs.add(new LogMessage(level, message));
    }

    @Override
    public synchronized void trace(TraceMessage trace) {
        traces.add(trace);
    }

    @Override
    public synchronized void control(ControlMessage control) {
        controls.add(control);
    }

    /** The CONTROL messages (config updates), in order. */
    public synchronized List<ControlMessage> controls() {
        return List.copyOf(controls);
    }

    /** The rows of one stream, in emission order; empty if it emitted none. */
    public synchronized List<Object[]> rows(int streamIndex) {
        return List.copyOf(rows.getOrDefault(streamIndex, List.of()));
    }

    /** The stream indexes that emitted at least one row. */
    public synchronized Set<Integer> streamIndexes() {
        return Set.copyOf(rows.keySet());
    }

    /** All records emitted, over all streams. */
    public synchronized int recordCount() {
        return recordCount;
    }

    public synchronized List<StateMessage> states() {
        return List.copyOf(states);
    }

    /** For each state in {@link #states()}, how many records (all streams) were emitted before it. */
    public synchronized List<Integer> recordsBeforeStates() {
        return List.copyOf(recordsBeforeStates);
    }

    public synchronized Optional<StateMessage> lastState() {
        return states.isEmpty() ? Optional.empty() : Optional.of(states.getLast());
    }

    public synchronized List<LogMessage> logs() {
        return List.copyOf(logs);
    }

    public synchronized List<TraceMessage> traces() {
        return List.copyOf(traces);
    }

    /**
     * The state the next read would start from: the last GLOBAL state if there was one, else the
     * last LEGACY state, else the latest STREAM state of each stream (first-seen order).
     */
    public synchronized InputState toInputState() {
        Optional<StateMessage> global = last(StateType.GLOBAL);
        if (global.isPresent()) {
            return new InputState(List.of(global.get()));
        }
        Optional<StateMessage> legacy = last(StateType.LEGACY);
        if (legacy.isPresent()) {
            return new InputState(List.of(legacy.get()));
        }
        Map<StreamDescriptor, StateMessage> latest = new LinkedHashMap<>();
        for (StateMessage state : states) {
            latest.put(state.stream().orElseThrow().streamDescriptor(), state);
        }
        return new InputState(List.copyOf(latest.values()));
    }

    private Optional<StateMessage> last(StateType type) {
        return states.reversed().stream().filter(s -> s.type() == type).findFirst();
    }
}
