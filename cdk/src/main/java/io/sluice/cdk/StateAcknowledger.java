package io.sluice.cdk;

import io.sluice.protocol.StateMessage;

/**
 * Told by a destination, on its writing thread, that every row before a checkpoint is durable.
 * States are acknowledged in the order they arrived; skipping one is allowed (acknowledging a
 * later one covers it).
 */
public interface StateAcknowledger {
    void acknowledge(StateMessage state);
}
