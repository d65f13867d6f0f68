package io.sluice.connectors.dremio;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.RecordInput;
import java.util.Optional;

/** Passes the input through, counting each stream's rows (to tell an empty stream from a missing folder). */
final class CountingInput implements RecordInput {
    private final RecordInput input;
    private final long[] rows;

    CountingInput(RecordInput input, int streams) {
        this.input = requireNonNull(input, "input");
        this.rows = new long[streams];
    }

    @Override
    public Optional<Chunk> next() {
        Optional<Chunk> next = input.next();
        if (next.isPresent() && next.get() instanceof Chunk.RowBatch batch
                && batch.streamIndex() >= 0 && batch.streamIndex() < rows.length) {
            rows[batch.streamIndex()] += batch.rows().size();
        }
        return next;
    }

    long rows(int streamIndex) {
        return rows[streamIndex];
    }
}
