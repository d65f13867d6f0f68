package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowSchema;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes {@code Object[]} rows straight into Parquet columns: {@code _airbyte_ab_id} (string),
 * {@code _airbyte_emitted_at} (TIMESTAMP(MILLIS) UTC), then the stream's columns as
 * {@link ParquetColumn} maps them. No record objects in between. The two {@code _airbyte_} values
 * of the next row are set with {@link #next} before the writer is handed the row; one writing
 * thread.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
    static final String AB_ID = "_airbyte_ab_id";
    static final String EMITTED_AT = "_airbyte_emitted_at";

    private final String stream;
    private final MessageType schema;
    private final ParquetColumn[] columns;
    private final JsonTextBuffer json = new JsonTextBuffer();
    private RecordConsumer out;
    private String abId;
    private long emittedAtMillis;

    RowWriteSupport(String stream, RowSchema rowSchema) {
        this.stream = requireNonNull(stream, "stream");
        this.columns = rowSchema.columns().stream().map(ParquetColumn::of).toArray(ParquetColumn[]::new);
        Types.MessageTypeBuilder message = Types.buildMessage();
        message.addField(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(AB_ID));
        message.addField(Types.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS)).named(EMITTED_AT));
        for (ParquetColumn column : columns) {
            message.addField(column.type());
        }
        this.schema = message.named(stream.isEmpty() ? "record" : stream);
    }

    MessageType schema() {
        return schema;
    }

    /** The {@code _airbyte_} values of the row written next. */
    void next(String abId, long emittedAtMillis) {
        this.abId = abId;
        this.emittedAtMillis = emittedAtMillis;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        out.startMessage();
        out.startField(AB_ID, 0);
        out.addBinary(Binary.fromString(abId));
        out.endField(AB_ID, 0);
        out.startField(EMITTED_AT, 1);
        out.addLong(emittedAtMillis);
        out.endField(EMITTED_AT, 1);
        for (int i = 0; i < columns.length; i++) {
            Object value = i < row.length ? row[i] : null;
            if (value == null) {
                continue;
            }
            ParquetColumn column = columns[i];
            int field = i + 2;
            out.startField(column.name(), field);
            try {
                column.write(out, value, json);
            } catch (RuntimeException e) {
                throw ConnectorException.system("stream " + stream + ", column " + column.name() + ": a "
                        + value.getClass().getSimpleName() + " value cannot be stored as " + column.kind()
                        + " (" + e.getClass().getSimpleName() + ")", null);
            }
            out.endField(column.name(), field);
        }
        out.endMessage();
    }
}
