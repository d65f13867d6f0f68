package io.sluice.connectors.s3.destination;

import io.sluice.cdk.RowSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
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
    private final JsonTextBuffer json = new JsonTextBuffer();

    CsvFileWriter(RowSchema schema, boolean flatten, MultipartOutputStream upload, boolean gzip) throws IOException {
        this.schema = schema;
        this.flatten = flatten;
        this.file = new TextFile(upload, gzip);
        this.out = new BufferedWriter(new OutputStreamWriter(file.out(), StandardCharsets.UTF_8), 64 * 1024);
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
    public void write(Object[] row, AbId abId, long emittedAtMillis) throws IOException {
        out.write(abId.toString());
        out.write(',');
        out.write(Long.toString(emittedAtMillis));
        if (flatten) {
            for (int i = 0; i < schema.size(); i++) {
                out.write(',');
                cell(i < row.length ? row[i] : null);
            }
        } else {
            out.write(',');
            quoted(json.row(schema, row));
        }
        out.write("\r\n");
    }

    private void cell(Object value) throws IOException {
        switch (value) {
            case null -> { }
            case String s -> quoted(s);
            case Map<?, ?> m -> quoted(json.value(m));
            case Collection<?> c -> quoted(json.value(c));
            case Object[] a -> quoted(json.value(a));
            case BigDecimal d -> out.write(d.toPlainString());
            case Number n -> out.write(n.toString());
            case Boolean b -> out.write(b ? "true" : "false");
            default -> quoted(JsonValues.text(value));
        }
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
}
