package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;

/**
 * JSON lines in Airbyte's shape: {@code {"_airbyte_ab_id": ..., "_airbyte_emitted_at": <epoch ms>,
 * "_airbyte_data": {...}}}, or with root-level flattening the record's fields beside the two
 * {@code _airbyte_} fields. Written through one streaming generator, no tree per record.
 */
final class JsonlFileWriter implements RowFileWriter {
    private final RowSchema schema;
    private final boolean flatten;
    private final TextFile file;
    private final JsonGenerator json;

    JsonlFileWriter(RowSchema schema, boolean flatten, MultipartOutputStream upload, boolean gzip) throws IOException {
        this.schema = schema;
        this.flatten = flatten;
        this.file = new TextFile(upload, gzip);
        this.json = MessageCodec.mapper().getFactory().createGenerator(file.out());
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(Object[] row, AbId abId, long emittedAtMillis) throws IOException {
        json.writeStartObject();
        json.writeStringField("_airbyte_ab_id", abId.toString());
        json.writeNumberField("_airbyte_emitted_at", emittedAtMillis);
        if (flatten) {
            JsonValues.writeFields(json, schema, row);
        } else {
            json.writeFieldName("_airbyte_data");
            JsonValues.writeObject(json, schema, row);
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public long size() {
        return file.size();
    }

    @Override
    public void complete() throws IOException {
        json.flush();
        file.complete();
    }

    @Override
    public void abort() {
        file.abort();
    }
}
