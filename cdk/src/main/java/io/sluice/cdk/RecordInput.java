package io.sluice.cdk;

import java.util.Optional;

/** What a destination reads: row batches and checkpoints, in the order the source emitted them. */
public interface RecordInput {

    /**
     * The next chunk, blocking until one is available; empty when the source finished cleanly.
     *
     * @throws ConnectorException (or {@link SyncCancelledException}) when the source failed or the
     *     sync was cancelled: the destination must roll back what it has not committed
     */
    Optional<Chunk> next();
}
