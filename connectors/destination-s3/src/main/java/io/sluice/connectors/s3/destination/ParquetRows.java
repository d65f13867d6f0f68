package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowSchema;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a stream's rows, {@code _airbyte_ab_id} (string), {@code _airbyte_emitted_at}
 * (TIMESTAMP(MILLIS) UTC), then the stream's columns as {@link ParquetColumn} maps them, and how an
 * {@code Object[]} row goes into the column writers of a row group: each value straight into its
 * column's writer, with no record objects or record-assembly bookkeeping in between. The schema is
 * flat, so a value's definition level is 1 and a null's 0 (the two {@code _airbyte_} columns are
 * required). One writing thread.
 */
final class ParquetRows {
    static final String AB_ID = "_airbyte_ab_id";
    static final String EMITTED_AT = "_airbyte_emitted_at";

    private final String stream;
    private final MessageType schema;
    private final ParquetColumn[] columns;
    private final JsonTextBuffer json = new JsonTextBuffer();
    private ColumnWriter abIdWriter;
    private ColumnWriter emittedAtWriter;
    private ColumnWriter[] writers;

    ParquetRows(String stream, RowSchema rowSchema) {
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

    /** Writes the rows that follow into {@code store}'s column writers (a new store for every row group). */
    void writeTo(ColumnWriteStore store) {
        var descriptors = schema.getColumns();
        abIdWriter = store.getColumnWriter(descriptors.get(0));
        emittedAtWriter = store.getColumnWriter(descriptors.get(1));
        writers = new ColumnWriter[columns.length];
        for (int i = 0; i < columns.length; i++) {
            writers[i] = store.getColumnWriter(descriptors.get(i + 2));
        }
    }

    /**
     * Adds one row to the current row group's column writers; the caller ends the record.
     *
     * @param abId the row's {@code _airbyte_ab_id} as 36 ASCII bytes, read before this returns
     */
    void write(Object[] row, byte[] abId, long emittedAtMillis) {
        abIdWriter.write(Binary.fromReusedByteArray(abId), 0, 0);
        emittedAtWriter.write(emittedAtMillis, 0, 0);
        for (int i = 0; i < columns.length; i++) {
            Object value = i < row.length ? row[i] : null;
            if (value == null) {
                writers[i].writeNull(0, 0);
                continue;
            }
            ParquetColumn column = columns[i];
            try {
                column.write(writers[i], value, json);
            } catch (RuntimeException e) {
                throw ConnectorException.system("stream " + stream + ", column " + column.name() + ": a "
                        + value.getClass().getSimpleName() + " value cannot be stored as " + column.kind()
                        + " (" + e.getClass().getSimpleName() + ")", null);
            }
        }
    }
}
