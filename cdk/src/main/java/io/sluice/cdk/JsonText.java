package io.sluice.cdk;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JSON text for destinations' JSON columns, in the shape {@link RowJson} gives: a whole row as
 * {@code _airbyte_data}, or one nested value (object, array, untyped) of a typed table.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = MessageCodec.mapper();

    private JsonText() {}

    /** One plain value (Map, List, String, number...) as JSON text. */
    public static String of(Object value) {
        return RowJson.fromPlain(value).toString();
    }

    /**
     * Writes whole rows as JSON objects through one reused generator and buffer. Not thread-safe:
     * one per stream loader.
     */
    public static final class RowWriter {
        private final RowSchema schema;
        private final StringBuilder buffer = new StringBuilder(512);
        private final JsonGenerator json;

        public RowWriter(RowSchema schema) {
            this.schema = schema;
            try {
                this.json = MAPPER.getFactory().createGenerator(new BufferWriter(buffer));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(null);
        }

        public String write(Object[] row) {
            buffer.setLength(0);
            try {
                MAPPER.writeTree(json, RowJson.toJson(schema, row));
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toString();
        }
    }

    /** A Writer appending to a StringBuilder the caller resets. */
    private static final class BufferWriter extends Writer {
        private final StringBuilder buffer;

        BufferWriter(StringBuilder buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            buffer.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            buffer.append(text, offset, offset + length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
