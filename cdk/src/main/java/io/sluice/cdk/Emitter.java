package io.sluice.cdk;

import io.sluice.protocol.ControlMessage;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;

/**
 * Where a source's {@link Source#read} puts its output. Called on the source's reading thread
 * only. Any method may throw {@link SyncCancelledException} when the sync is cancelled; the
 * source lets it propagate.
 */
public interface Emitter {

    /**
     * One row of the stream at {@code streamIndex} in the configured catalog. The array is handed
     * over: the source must not touch it afterwards. Values follow {@link RowSchema}.
     */
    void record(int streamIndex, Object[] row);

    /** A checkpoint covering every record emitted before it. */
    void state(StateMessage state);

    /** A log line for the sync's log. */
    void log(LogMessage.Level level, String message);

    /** An estimate, a stream status or an error trace. */
    void trace(TraceMessage trace);

    /**
     * A CONTROL message: the source asks the platform to persist an updated config (a refreshed
     * OAuth refresh token). Emitted after the change took effect at the source; the default drops it,
     * for emitters with nowhere to persist a config.
     */
    default void control(ControlMessage control) {}
}
