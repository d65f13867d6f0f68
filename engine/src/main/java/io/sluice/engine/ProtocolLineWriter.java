package io.sluice.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes RECORD and STATE lines to an external destination's stdin. Records are streamed straight
 * from their data tree into the buffer (no intermediate message object). Not thread-safe.
 */
final class ProtocolLineWriter implements AutoCloseable {
    private static final ObjectMapper MAPPER = MessageCodec.mapper();
    private static final MessageCodec CODEC = new MessageCodec();

    private final JsonGenerator json;

    ProtocolLineWriter(OutputStream out) {
        try {
            this.json = MAPPER.getFactory().createGenerator(new BufferedOutputStream(out, 1 << 16), JsonEncoding.UTF8);
            this.json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void record(String namespace, String stream, ObjectNode data, long emittedAt) {
        try {
            json.writeStartObject();
            json.writeStringField("type", "RECORD");
            json.writeObjectFieldStart("record");
            if (namespace != null) {
                json.writeStringField("namespace", namespace);
            }
            json.writeStringField("stream", stream);
            json.writeFieldName("data");
            MAPPER.writeTree(json, data);
            json.writeNumberField("emitted_at", emittedAt);
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the state and flushes, so the destination sees it now. */
    void state(StateMessage state) {
        try {
            json.writeRaw(CODEC.encode(state));
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
