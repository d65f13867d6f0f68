package io.sluice.cdk.testkit;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.RecordInput;
import io.sluice.protocol.StateMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RecordInput} that replays a fixed list of chunks, then ends cleanly or, when given a
 * failure, throws it (on that call and every later one) as a failed source would.
 */
public final class ListRecordInput implements RecordInput {
    private final List<Chunk> chunks;
    private final RuntimeException failure;
    private int next;

    public ListRecordInput(List<Chunk> chunks) {
        this(chunks, null);
    }

    /** Replays {@code chunks}, then throws {@code failure} (when not null) instead of ending. */
    public ListRecordInput(List<Chunk> chunks, RuntimeException failure) {
        this.chunks = List.copyOf(chunks);
        this.failure = failure;
    }

    @Override
    public synchronized Optional<Chunk> next() {
        if (next < chunks.size()) {
            return Optional.of(chunks.get(next++));
        }
        if (failure != null) {
            throw failure;
        }
        return Optional.empty();
    }

    /** How many chunks have been handed out. */
    public synchronized int consumed() {
        return next;
    }

    /** A batch of rows for the stream at {@code streamIndex}. */
    public static Chunk.RowBatch rows(int streamIndex, Object[]... rows) {
        return new Chunk.RowBatch(streamIndex, Arrays.asList(rows));
    }

    public static Chunk.Checkpoint checkpoint(StateMessage state) {
        return new Chunk.Checkpoint(state);
    }
}
