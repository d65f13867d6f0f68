package io.sluice.engine;

import io.sluice.cdk.InputState;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the destination's acknowledgements into saved state and committed counts. Checkpoints
 * handed to the destination wait here until acknowledged; acknowledging one also covers the ones
 * before it, and their states are merged in order (a skipped STREAM state of another stream is not
 * lost). Synchronized: an acknowledgement may come from whichever thread the destination uses.
 * Once {@link #close() closed} (the attempt is over) acknowledgements are ignored.
 */
final class CommitTracker implements StateAcknowledger {
    private static final Logger LOG = LoggerFactory.getLogger(CommitTracker.class);
    private static final MessageCodec CODEC = new MessageCodec();

    private final StateStore store;
    private final SyncCounters counters;
    private final SyncListener listener;
    private final Consumer<RuntimeException> onSaveFailure;
    private final Deque<QueueItem.Checkpoint> pending = new ArrayDeque<>();
    private InputState current;
    private int acknowledged;
    private boolean closed;

    CommitTracker(StateStore store, SyncCounters counters, SyncListener listener, InputState initial,
            Consumer<RuntimeException> onSaveFailure) {
        this.store = store;
        this.onSaveFailure = onSaveFailure;
        this.counters = counters;
        this.listener = listener;
        this.current = initial;
    }

    /** A checkpoint was handed to the destination. */
    synchronized void delivered(QueueItem.Checkpoint checkpoint) {
        pending.addLast(checkpoint);
    }

    @Override
    public synchronized void acknowledge(StateMessage state) {
        if (closed) {
            LOG.warn("the destination acknowledged a state after the sync ended; ignored");
            return;
        }
        List<QueueItem.Checkpoint> covered = take(state);
        if (covered.isEmpty()) {
            LOG.warn("the destination acknowledged a state that is not pending; ignored");
            return;
        }
        QueueItem.Checkpoint checkpoint = covered.getLast();
        InputState merged = current;
        for (QueueItem.Checkpoint c : covered) {
            merged = StateMerger.merge(merged, c.state());
        }
        try {
            store.save(merged);
        } catch (RuntimeException e) {
            onSaveFailure.accept(e);
            throw e;
        }
        current = merged;
        acknowledged++;
        counters.committed(checkpoint.records(), checkpoint.bytes());
        try {
            listener.onStateCommitted(merged);
        } catch (RuntimeException e) {
            LOG.warn("sync listener failed on a committed state", e);
        }
    }

    /** Ends the attempt: later acknowledgements (from a connector left behind) change nothing. */
    synchronized void close() {
        closed = true;
    }

    synchronized InputState current() {
        return current;
    }

    synchronized int unacknowledged() {
        return pending.size();
    }

    synchronized int acknowledgedCount() {
        return acknowledged;
    }

    /**
     * Removes and returns, oldest first, the pending checkpoint for this state and every one before
     * it; empty when it is not pending. The same object matches first; otherwise equal JSON (an
     * external destination echoes a parsed copy).
     */
    private List<QueueItem.Checkpoint> take(StateMessage state) {
        int position = indexOf(state);
        List<QueueItem.Checkpoint> covered = new ArrayList<>();
        for (int i = 0; i <= position; i++) {
            covered.add(pending.removeFirst());
        }
        return covered;
    }

    private int indexOf(StateMessage state) {
        int i = 0;
        for (QueueItem.Checkpoint c : pending) {
            if (c.state() == state) {
                return i;
            }
            i++;
        }
        String key = key(state);
        i = 0;
        for (Iterator<QueueItem.Checkpoint> it = pending.iterator(); it.hasNext(); i++) {
            if (key(it.next().state()).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The state's JSON without the stats a destination may add. */
    private static String key(StateMessage s) {
        StateMessage bare = new StateMessage(s.type(), s.stream(), s.global(), s.data(), Optional.empty(),
                Optional.empty(), s.unknownFields());
        return CODEC.encode(bare);
    }
}
