package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Checkpointer;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import io.sluice.protocol.TraceMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the selected streams of a loaded manifest, one after another. Records become rows in the
 * configured schema's column order here, and only here. An incremental stream emits its state
 * after each slice (partition and interval) it finishes, so a failure loses at most one slice. A
 * stream that fails is reported (INCOMPLETE status, an error log line) and the others still run;
 * the read then fails with every stream's reason.
 */
final class StreamReader {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);
    private static final int INTERRUPT_CHECK_MASK = 255;

    private final LoadedSource source;
    private final Emitter out;

    StreamReader(LoadedSource source, Emitter out) {
        this.source = requireNonNull(source, "source");
        this.out = requireNonNull(out, "out");
    }

    void read(ConfiguredCatalog catalog, InputState state) {
        List<String> failures = new ArrayList<>();
        FailureKind kind = null;
        List<ConfiguredStream> configured = catalog.streams();
        for (int index = 0; index < configured.size(); index++) {
            ConfiguredStream selected = configured.get(index);
            DeclarativeStream stream = source.stream(selected.stream().name());
            status(selected.descriptor(), TraceMessage.StreamStatus.STARTED);
            try {
                long records = readStream(stream, selected, index, state);
                status(selected.descriptor(), TraceMessage.StreamStatus.COMPLETE);
                LOG.info("stream {}: {} records", stream.name(), records);
            } catch (SyncCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                ConnectorException failure = e instanceof ConnectorException c ? c
                        : new ConnectorException(FailureKind.SYSTEM, "stream " + stream.name() + ": " + e, e);
                String message = source.context().scrubber().scrub(failure.getMessage());
                LOG.warn("stream {} failed: {}", stream.name(), message);
                out.log(LogMessage.Level.ERROR, message);
                status(selected.descriptor(), TraceMessage.StreamStatus.INCOMPLETE);
                failures.add(message);
                kind = kind == null ? failure.kind() : kind;
            }
        }
        if (!failures.isEmpty()) {
            throw new ConnectorException(kind, failures.size() == 1 ? failures.getFirst()
                    : failures.size() + " streams failed: " + String.join("; ", failures));
        }
    }

    private long readStream(DeclarativeStream stream, ConfiguredStream selected, int index, InputState state) {
        RowSchema schema = RowSchema.of(selected.stream().jsonSchema());
        StreamDescriptor descriptor = selected.descriptor();
        Optional<DatetimeCursor> cursor = stream.cursor();
        boolean incremental = selected.syncMode() == SyncMode.INCREMENTAL && cursor.isPresent();
        CursorState cursorState = incremental
                ? CursorState.from(state.streamState(descriptor), cursor.get(), stream.router().isPresent())
                : null;
        Checkpointer checkpointer = new Checkpointer(out, 1, Duration.ZERO, Clock.systemUTC());
        TemplateVars vars = source.context().vars();
        for (Map<String, Object> partition : StreamSlicing.partitions(stream, vars)) {
            Optional<Instant> from = incremental ? cursorState.position(partition) : Optional.empty();
            for (Map<String, Object> interval : StreamSlicing.intervals(stream, from, vars)) {
                StreamSlice slice = new StreamSlice(partition, interval);
                Instant[] latest = new Instant[1];
                Optional<Instant> floor = cursor.filter(DatetimeCursor::clientSideFilter).flatMap(c -> c.intervalStart(slice));
                stream.retriever().read(slice, vars, StreamSlicing.options(stream, slice), record -> {
                    if (cursor.isPresent()) {
                        Optional<Instant> at = cursor.get().cursorOf(record);
                        if (at.isPresent() && floor.isPresent() && at.get().isBefore(floor.get())) {
                            return true;
                        }
                        at.filter(a -> latest[0] == null || a.isAfter(latest[0])).ifPresent(a -> latest[0] = a);
                    }
                    if ((checkpointer.recordCount() & INTERRUPT_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
                        throw new SyncCancelledException();
                    }
                    out.record(index, row(schema, record, stream));
                    checkpointer.recordEmitted(index);
                    return true;
                });
                if (incremental) {
                    if (latest[0] != null) {
                        cursorState.advance(partition, latest[0]);
                    }
                    checkpointer.position(StateMessage.ofStream(descriptor, cursorState.toJson()));
                }
            }
        }
        checkpointer.flush();
        return checkpointer.recordCount();
    }

    /** The record as a row; a value that does not fit its column says where the schema came from. */
    private static Object[] row(RowSchema schema, ObjectNode record, DeclarativeStream stream) {
        try {
            return RowJson.toRow(schema, record);
        } catch (ConnectorException e) {
            String hint = stream.schema().isPresent() ? "; the stream's schema comes from its schema_loader"
                    : "; the schema was inferred from the first " + SchemaInference.SAMPLE_RECORDS
                            + " records at discover: give the stream an InlineSchemaLoader with the right type";
            throw new ConnectorException(e.kind(), "stream " + stream.name() + ": " + e.getMessage() + hint, null);
        }
    }

    private void status(StreamDescriptor descriptor, TraceMessage.StreamStatus status) {
        out.trace(TraceMessage.streamStatus(new TraceMessage.StreamStatusTrace(descriptor, status, List.of()),
                System.currentTimeMillis()));
    }
}
