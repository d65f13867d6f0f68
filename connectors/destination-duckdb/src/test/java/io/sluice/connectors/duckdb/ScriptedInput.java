package io.sluice.connectors.duckdb;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.RecordInput;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A hand-written RecordInput: yields the scripted chunks, then ends or fails. */
final class ScriptedInput implements RecordInput {
    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private boolean failAtEnd;

    ScriptedInput rows(int streamIndex, List<Object[]> rows) {
        chunks.add(new Chunk.RowBatch(streamIndex, new ArrayList<>(rows)));
        return this;
    }

    ScriptedInput rows(List<Object[]> rows) {
        return rows(0, rows);
    }

    ScriptedInput checkpoint(StreamDescriptor stream, long position) {
        chunks.add(new Chunk.Checkpoint(StateMessage.ofStream(stream,
                io.sluice.protocol.MessageCodec.mapper().createObjectNode().put("position", position))));
        return this;
    }

    ScriptedInput thenFail() {
        failAtEnd = true;
        return this;
    }

    @Override
    public Optional<Chunk> next() {
        if (chunks.isEmpty()) {
            if (failAtEnd) {
                throw new ConnectorException(FailureKind.TRANSIENT, "source went away");
            }
            return Optional.empty();
        }
        return Optional.of(chunks.poll());
    }
}
