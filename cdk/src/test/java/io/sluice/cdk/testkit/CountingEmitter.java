package io.sluice.cdk.testkit;

import io.sluice.cdk.Emitter;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;

/**
 * An emitter for big reads that keeps no rows: it counts them, sums their first column (a Long id)
 * and counts states; it throws {@link SyncCancelledException} on the row after {@code cancelAfter}
 * rows, as an engine does when a sync is cancelled.
 */
public class CountingEmitter implements Emitter {
    private final long cancelAfter;
    private volatile long rows;
    private long idSum;
    private int states;

    /** @param cancelAfter rows to accept before cancelling; -1 never cancels */
    public CountingEmitter(long cancelAfter) {
        this.cancelAfter = cancelAfter;
    }

    @Override
    public void record(int streamIndex, Object[] row) {
        if (rows == cancelAfter) {
            throw new SyncCancelledException();
        }
        rows++;
        idSum += (Long) row[0];
    }

    @Override
    public void state(StateMessage state) {
        states++;
    }

    @Override
    public void log(LogMessage.Level level, String message) { }

    @Override
    public void trace(TraceMessage trace) { }

    public long rows() {
        return rows;
    }

    public long idSum() {
        return idSum;
    }

    public int states() {
        return states;
    }
}
