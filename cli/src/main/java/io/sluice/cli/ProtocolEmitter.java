package io.sluice.cli;

import io.sluice.cdk.Emitter;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ControlMessage;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.MessageWriter;
import io.sluice.protocol.RecordMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;
import java.util.List;

/**
 * An emitter that prints what an in-process source emits as Airbyte protocol JSON lines, so that a
 * built-in source behaves as a standard Airbyte connector on the command line. Rows become JSON
 * here and only here.
 */
final class ProtocolEmitter implements Emitter {
    private final MessageWriter out;
    private final List<ConfiguredStream> streams;
    private final RowSchema[] schemas;

    ProtocolEmitter(MessageWriter out, ConfiguredCatalog catalog) {
        this.out = out;
        this.streams = catalog.streams();
        this.schemas = streams.stream().map(s -> RowSchema.of(s.stream().jsonSchema())).toArray(RowSchema[]::new);
    }

    @Override
    public void record(int streamIndex, Object[] row) {
        ConfiguredStream stream = streams.get(streamIndex);
        out.write(new RecordMessage(stream.stream().namespace().orElse(null), stream.stream().name(),
                RowJson.toJson(schemas[streamIndex], row), System.currentTimeMillis()));
    }

    @Override
    public void state(StateMessage state) {
        out.write(state);
        out.flush();
    }

    @Override
    public void log(LogMessage.Level level, String message) {
        out.write(new LogMessage(level, message));
    }

    @Override
    public void trace(TraceMessage trace) {
        out.write(trace);
    }

    @Override
    public void control(ControlMessage control) {
        out.write(control);
        out.flush();
    }
}
