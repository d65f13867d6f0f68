package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.Chunk;
import io.sluice.protocol.StateMessage;

/** What travels on the queue between the reader and the writer thread. */
sealed interface QueueItem {

    /** The estimated heap bytes of the rows it holds; what the queue's byte bound counts. */
    default long heapBytes() {
        return 0;
    }

    /** A batch of one stream's rows, with their estimated heap size. */
    record Rows(Chunk.RowBatch batch, long heapBytes) implements QueueItem {
        public Rows {
            requireNonNull(batch, "batch");
        }
    }

    /**
     * A state, with the cumulative per-stream counts emitted before it: what becomes committed when
     * the destination acknowledges it.
     */
    record Checkpoint(Chunk.Checkpoint chunk, long[] records, long[] bytes) implements QueueItem {
        public Checkpoint {
            requireNonNull(chunk, "chunk");
            requireNonNull(records, "records");
            requireNonNull(bytes, "bytes");
        }

        StateMessage state() {
            return chunk.state();
        }
    }

    /** The source finished cleanly. */
    record End() implements QueueItem {}

    /** The source failed: the writer's input throws this. */
    record Failed(RuntimeException error) implements QueueItem {
        public Failed {
            requireNonNull(error, "error");
        }
    }
}
