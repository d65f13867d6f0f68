package io.sluice.engine;

/** A sync started by {@link SyncEngine#start}: cancel it, watch it, wait for its result. Thread-safe. */
public final class SyncHandle {
    private final SyncRun run;

    SyncHandle(SyncRun run) {
        this.run = run;
    }

    /**
     * Asks the sync to stop: the source is interrupted and its next emit throws, the destination's
     * input throws {@link io.sluice.cdk.SyncCancelledException} so it rolls back. Returns at once;
     * {@link #await()} gives the CANCELLED result. States acknowledged before stay saved.
     */
    public void cancel() {
        run.cancel();
    }

    /** Blocks until the sync ends (or, once stopping, until its connectors stop or a grace time passes). */
    public SyncResult await() {
        return run.await();
    }

    /** The counters so far. */
    public SyncProgress progress() {
        return run.progress();
    }

    /**
     * The most bytes of rows (estimated heap size) that waited at once between source and
     * destination so far: never more than half the memory budget, unless one batch alone is larger.
     */
    public long queuePeakBytes() {
        return run.queuePeakBytes();
    }

    /** Whether both the source and the destination have finished. */
    public boolean isDone() {
        return run.isDone();
    }
}
