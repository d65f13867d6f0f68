package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JSON text of values and rows through one reused generator and buffer (no JSON tree per value).
 * The text returned is valid until the next call. One per file writer; not thread-safe.
 */
final class JsonTextBuffer {
    private final StringBuilder text = new StringBuilder(256);
    private final JsonGenerator json;

    JsonTextBuffer() {
        try {
            json = MessageCodec.mapper().getFactory().createGenerator(new AppendingWriter(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setRootValueSeparator(null);
    }

    /** One value (a map, list, scalar) as JSON text. */
    CharSequence value(Object value) {
        text.setLength(0);
        try {
            JsonValues.write(json, value);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    /** A row as a JSON object of its columns. */
    CharSequence row(RowSchema schema, Object[] row) {
        text.setLength(0);
        try {
            JsonValues.writeObject(json, schema, row);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    /** A Writer appending to the buffer. */
    private static final class AppendingWriter extends Writer {
        private final StringBuilder target;

        AppendingWriter(StringBuilder target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            target.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            target.append(string, offset, offset + length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
