package io.sluice.cdk;

/** The sync was cancelled; connectors let this propagate and roll back what is not committed. */
public final class SyncCancelledException extends RuntimeException {
    public SyncCancelledException() {
        super("the sync was cancelled");
    }
}
