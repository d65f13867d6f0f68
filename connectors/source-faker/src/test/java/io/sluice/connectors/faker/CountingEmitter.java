package io.sluice.connectors.faker;

import io.sluice.cdk.Emitter;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;

/** Counts what a read emits without keeping any row; for big reads. */
final class CountingEmitter implements Emitter {
    final long[] rowsPerStream = new long[8];
    long states;
    long lastUserId;

    @Override
    public void record(int streamIndex, Object[] row) {
        rowsPerStream[streamIndex]++;
        if (streamIndex == 0) {
            lastUserId = (Long) row[0];
        }
    }

    @Override
    public void state(StateMessage state) {
        states++;
    }

    @Override
    public void log(LogMessage.Level level, String message) {}

    @Override
    public void trace(TraceMessage trace) {}
}
