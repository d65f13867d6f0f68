package io.sluice.cdk;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.StateMessage;
import java.util.List;

/** One unit of what flows from source to destination. */
public sealed interface Chunk permits Chunk.RowBatch, Chunk.Checkpoint {

    /** Rows of one stream (index into the configured catalog), in emission order. */
    record RowBatch(int streamIndex, List<Object[]> rows) implements Chunk {
        public RowBatch {
            requireNonNull(rows, "rows");
        }
    }

    /** A state that is covered once every row before it is durable. */
    record Checkpoint(StateMessage state) implements Chunk {
        public Checkpoint {
            requireNonNull(state, "state");
        }
    }
}
