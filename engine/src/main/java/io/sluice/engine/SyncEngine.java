package io.sluice.engine;

import static java.util.Objects.requireNonNull;

/**
 * Runs syncs: the source reads on its own thread into a bounded queue of row batches, the
 * destination writes from it on another, and state is saved only once the destination acknowledges
 * it. Stateless; one engine may run many syncs at once.
 */
public final class SyncEngine {

    /** Starts a sync and returns at once. */
    public SyncHandle start(SyncRequest request) {
        return new SyncHandle(SyncRun.start(requireNonNull(request, "request")));
    }

    /** Runs a sync to its end on two new threads, blocking the caller. */
    public SyncResult run(SyncRequest request) {
        return start(request).await();
    }
}
