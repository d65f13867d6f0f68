package io.sluice.connectors.duckdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes row values as JSON text, streaming (no tree per row): a whole row as the object of its
 * schema's fields for {@code _airbyte_data}, or one value for a JSON column. Temporal values are
 * written as ISO-8601 strings, byte arrays as base64, non-finite doubles as strings.
 */
final class JsonText {
    private static final JsonFactory FACTORY = MessageCodec.mapper().getFactory();

    private JsonText() {}

    /** Text that already is JSON, stored in a JSON column as it is. */
    record Document(String text) {
        Document {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Writes whole rows as JSON objects (fields in schema order, nulls written) through one reused
     * generator and buffer. Not thread-safe: one per stream loader.
     */
    static final class RowWriter {
        private final RowSchema schema;
        private final StringBuilder buffer = new StringBuilder(512);
        private final JsonGenerator json;

        RowWriter(RowSchema schema) {
            this.schema = schema;
            try {
                this.json = FACTORY.createGenerator(new BufferWriter(buffer));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(null);
        }

        String write(Object[] row) {
            buffer.setLength(0);
            try {
                json.writeStartObject();
                for (int i = 0; i < schema.size(); i++) {
                    json.writeFieldName(schema.column(i).name());
                    JsonText.write(json, i < row.length ? row[i] : null);
                }
                json.writeEndObject();
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

    /** One value as JSON text. */
    static String of(Object value) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case Short s -> json.writeNumber(s);
            case Double d when d.isNaN() || d.isInfinite() -> json.writeString(d.toString());
            case Double d -> json.writeNumber(d);
            case Float f -> json.writeNumber(f);
            case BigDecimal d -> json.writeNumber(d);
            case BigInteger i -> json.writeNumber(i);
            case Boolean b -> json.writeBoolean(b);
            case byte[] bytes -> json.writeString(Base64.getEncoder().encodeToString(bytes));
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName(String.valueOf(entry.getKey()));
                    write(json, entry.getValue());
                }
                json.writeEndObject();
            }
            case List<?> list -> {
                json.writeStartArray();
                for (Object element : list) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            default -> json.writeString(value.toString());
        }
    }
}
