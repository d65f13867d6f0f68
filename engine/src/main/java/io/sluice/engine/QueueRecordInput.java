package io.sluice.engine;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.RecordInput;
import java.util.Optional;

/** The destination's input on the writer thread: takes from the queue until the end or an error marker. */
final class QueueRecordInput implements RecordInput {
    private final ChunkQueue queue;
    private final CommitTracker commits;
    private boolean ended;
    private RuntimeException failure;

    QueueRecordInput(ChunkQueue queue, CommitTracker commits) {
        this.queue = queue;
        this.commits = commits;
    }

    @Override
    public Optional<Chunk> next() {
        if (ended) {
            return Optional.empty();
        }
        if (failure != null) {
            throw failure;
        }
        QueueItem item = queue.take();
        return switch (item) {
            case QueueItem.Rows rows -> Optional.of(rows.batch());
            case QueueItem.Checkpoint checkpoint -> {
                commits.delivered(checkpoint);
                yield Optional.of(checkpoint.chunk());
            }
            case QueueItem.End end -> {
                ended = true;
                yield Optional.empty();
            }
            case QueueItem.Failed failed -> {
                failure = failed.error();
                throw failure;
            }
        };
    }

    /** Whether the destination read up to the end marker. */
    boolean ended() {
        return ended;
    }
}
