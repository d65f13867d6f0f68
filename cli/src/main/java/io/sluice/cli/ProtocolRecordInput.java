package io.sluice.cli;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.Message;
import io.sluice.protocol.MessageReader;
import io.sluice.protocol.RecordMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Feeds a built-in destination from Airbyte protocol JSON lines (a {@code write} call on the command
 * line): RECORDs become rows, batched per stream; a STATE flushes the batch and becomes a
 * checkpoint. Single-threaded: the destination's {@code next()} reads the input directly.
 */
final class ProtocolRecordInput implements RecordInput {
    private static final int BATCH_SIZE = 1000;

    private final MessageReader in;
    private final Map<StreamDescriptor, Integer> indexes = new HashMap<>();
    private final RowSchema[] schemas;
    private final Consumer<LogMessage> logs;
    private final ArrayList<Chunk> ready = new ArrayList<>();
    private List<Object[]> batch = new ArrayList<>();
    private int batchStream = -1;
    private boolean ended;

    ProtocolRecordInput(MessageReader in, ConfiguredCatalog catalog, Consumer<LogMessage> logs) {
        this.in = in;
        this.logs = logs;
        List<ConfiguredStream> streams = catalog.streams();
        this.schemas = new RowSchema[streams.size()];
        for (int i = 0; i < streams.size(); i++) {
            indexes.put(streams.get(i).descriptor(), i);
            schemas[i] = RowSchema.of(streams.get(i).stream().jsonSchema());
        }
    }

    @Override
    public Optional<Chunk> next() {
        while (ready.isEmpty() && !ended) {
            Optional<Message> message = in.next();
            if (message.isEmpty()) {
                flushBatch();
                ended = true;
                break;
            }
            switch (message.get()) {
                case RecordMessage r -> add(r);
                case StateMessage s -> {
                    flushBatch();
                    ready.add(new Chunk.Checkpoint(s));
                }
                case LogMessage l -> logs.accept(l);
                default -> { }
            }
        }
        return ready.isEmpty() ? Optional.empty() : Optional.of(ready.removeFirst());
    }

    private void add(RecordMessage record) {
        Integer index = indexes.get(record.descriptor());
        if (index == null) {
            throw ConnectorException.system("record for stream '" + record.descriptor()
                    + "' which is not in the configured catalog (line " + in.lineNumber() + ")", null);
        }
        if (index != batchStream) {
            flushBatch();
            batchStream = index;
        }
        batch.add(RowJson.toRow(schemas[index], record.data()));
        if (batch.size() >= BATCH_SIZE) {
            flushBatch();
        }
    }

    private void flushBatch() {
        if (!batch.isEmpty()) {
            ready.add(new Chunk.RowBatch(batchStream, batch));
            batch = new ArrayList<>();
        }
    }
}
