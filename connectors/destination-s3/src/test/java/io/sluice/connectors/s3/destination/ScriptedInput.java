package io.sluice.connectors.s3.destination;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.RecordInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A record input that replays chunks and runs checks between them (each check runs when the
 * destination asks for the chunk after it, so everything before it has been handed over), then
 * ends or fails.
 */
final class ScriptedInput implements RecordInput {
    private final List<Object> steps = new ArrayList<>();
    private RuntimeException failure;
    private int next;

    ScriptedInput chunk(Chunk chunk) {
        steps.add(chunk);
        return this;
    }

    ScriptedInput then(Runnable check) {
        steps.add(check);
        return this;
    }

    ScriptedInput failWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public Optional<Chunk> next() {
        while (next < steps.size()) {
            Object step = steps.get(next++);
            if (step instanceof Runnable check) {
                check.run();
            } else {
                return Optional.of((Chunk) step);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Optional.empty();
    }
}
