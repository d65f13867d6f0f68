package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.MessageCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * CSV (RFC 4180, UTF-8, header row) in Airbyte's shape: {@code _airbyte_ab_id,
 * _airbyte_emitted_at (epoch ms), _airbyte_data (the record as JSON)}, or with root-level
 * flattening one column per top-level field, nested values as JSON text. A NULL is an empty
 * field; an empty string is {@code ""}.
 */
final class CsvFileWriter implements RowFileWriter {
    private final RowSchema schema;
    private final boolean flatten;
    private final TextFile file;
    private final Writer out;
    private final StringBuilder jsonText = new StringBuilder(256);
    private final JsonGenerator json;

    CsvFileWriter(RowSchema schema, boolean flatten, MultipartOutputStream upload, boolean gzip) throws IOException {
        this.schema = schema;
        this.flatten = flatten;
        this.file = new TextFile(upload, gzip);
        this.out = new BufferedWriter(new OutputStreamWriter(file.out(), StandardCharsets.UTF_8), 64 * 1024);
        this.json = MessageCodec.mapper().getFactory().createGenerator(new AppendingWriter(jsonText));
        json.setRootValueSeparator(null);
        writeHeader();
    }

    private void writeHeader() throws IOException {
        out.write("_airbyte_ab_id,_airbyte_emitted_at");
        if (flatten) {
            for (int i = 0; i < schema.size(); i++) {
                out.write(',');
                quoted(schema.column(i).name());
            }
        } else {
            out.write(",_airbyte_data");
        }
        out.write("\r\n");
    }

    @Override
    public void write(Object[] row, String abId, long emittedAtMillis) throws IOException {
        out.write(abId);
        out.write(',');
        out.write(Long.toString(emittedAtMillis));
        if (flatten) {
            for (int i = 0; i < schema.size(); i++) {
                out.write(',');
                cell(i < row.length ? row[i] : null);
            }
        } else {
            out.write(',');
            jsonText.setLength(0);
            JsonValues.writeObject(json, schema, row);
            json.flush();
            quoted(jsonText);
        }
        out.write("\r\n");
    }

    private void cell(Object value) throws IOException {
        switch (value) {
            case null -> { }
            case String s -> quoted(s);
            case Map<?, ?> m -> quoted(asJson(m));
            case Collection<?> c -> quoted(asJson(c));
            case Object[] a -> quoted(asJson(a));
            case Number n -> out.write(JsonValues.text(n));
            case Boolean b -> out.write(b ? "true" : "false");
            default -> quoted(JsonValues.text(value));
        }
    }

    private CharSequence asJson(Object value) throws IOException {
        jsonText.setLength(0);
        JsonValues.write(json, value);
        json.flush();
        return jsonText;
    }

    /** Writes a field, in quotes when it is empty or holds a comma, quote or line break. */
    private void quoted(CharSequence text) throws IOException {
        boolean quote = text.isEmpty();
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.write('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    @Override
    public long size() {
        return file.size();
    }

    @Override
    public void complete() throws IOException {
        out.flush();
        file.complete();
    }

    @Override
    public void abort() {
        file.abort();
    }

    /** A Writer appending to a StringBuilder that the caller empties. */
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
        public void write(String text, int offset, int length) {
            target.append(text, offset, offset + length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
