package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.InputState;

/** Keeps the state in memory: for tests and one-off syncs. Thread-safe. */
public final class InMemoryStateStore implements StateStore {
    private volatile InputState state;
    private volatile int saves;

    public InMemoryStateStore() {
        this(InputState.empty());
    }

    public InMemoryStateStore(InputState initial) {
        this.state = requireNonNull(initial, "initial");
    }

    @Override
    public InputState load() {
        return state;
    }

    @Override
    public synchronized void save(InputState newState) {
        state = requireNonNull(newState, "state");
        saves++;
    }

    /** How many times {@link #save} was called. */
    public int saveCount() {
        return saves;
    }
}
