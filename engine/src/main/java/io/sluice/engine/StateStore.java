package io.sluice.engine;

import io.sluice.cdk.InputState;

/** Where a connection's acknowledged state lives between syncs. */
public interface StateStore {

    /** The state the next read starts from; empty when nothing was saved yet. Called once per sync, before it starts. */
    InputState load();

    /**
     * Replaces the saved state. Called after each acknowledgement, on the destination's writer
     * thread, with the whole merged state; it holds only states the destination acknowledged.
     * Must be durable when it returns.
     */
    void save(InputState state);
}
