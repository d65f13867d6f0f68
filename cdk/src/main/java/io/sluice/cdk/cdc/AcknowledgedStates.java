package io.sluice.cdk.cdc;

import io.sluice.cdk.InputState;

/**
 * Implemented by an {@link io.sluice.cdk.Emitter} that can tell its source which of the states it
 * emitted the destination has acknowledged (and the engine saved). A continuous CDC read uses it to
 * release the log up to the acknowledged position while it keeps running: a source checks
 * {@code out instanceof AcknowledgedStates} and, where the emitter does not offer it (an external
 * destination, a test emitter), releases nothing before its next sync.
 */
public interface AcknowledgedStates {

    /**
     * The state saved so far: what the read started from, merged with every acknowledged state.
     * Cheap and thread-safe; called on the source's reading thread, as often as it likes.
     */
    InputState acknowledged();
}
