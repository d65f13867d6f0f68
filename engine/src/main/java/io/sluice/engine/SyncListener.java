package io.sluice.engine;

import io.sluice.cdk.InputState;
import io.sluice.protocol.LogMessage;

/**
 * Watches one sync. Every method has a no-op default. Methods must return quickly and not throw
 * (an exception is logged and ignored); they are called from the engine's threads, as each method
 * says.
 */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {};

    /**
     * The counters so far. Called on the sync's progress timer thread, once per progress interval
     * (never more often), while the sync runs.
     */
    default void onProgress(SyncProgress progress) {}

    /**
     * A log line for the sync's log: from a connector or from the engine itself.
     *
     * @param origin {@code "source"}, {@code "destination"} or {@code "engine"}
     */
    default void onLog(LogMessage.Level level, String origin, String message) {}

    /**
     * The destination acknowledged a state and it was saved; {@code state} is the whole saved state.
     * Called on the destination's writer thread, after {@link StateStore#save}.
     */
    default void onStateCommitted(InputState state) {}
}
