package io.sluice.connectors.files;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Records of a Parquet file on local disk (Parquet needs to seek to its footer, so remote and
 * compressed files are first copied to a temporary file). Values are converted by the column's
 * type, see {@link AvroValues}; row groups are read one at a time.
 */
final class ParquetRecordReader implements RecordReader {
    private final ParquetReader<GenericRecord> reader;
    private String[] names;
    private Schema[] schemas;
    private int[] decimalScales;
    private final Map<String, Integer> int64DecimalScales;
    private long row;

    ParquetRecordReader(Path file) throws IOException {
        InputFile input = new LocalInputFile(file);
        try {
            this.int64DecimalScales = integerDecimalScales(input);
            PlainParquetConfiguration conf = new PlainParquetConfiguration();
            conf.set(AvroSchemaConverter.ADD_LIST_ELEMENT_RECORDS, "false"); // lists of values, not of {element: v}
            this.reader = AvroParquetReader.<GenericRecord>builder(input, conf).build();
        } catch (RuntimeException e) {
            throw new BadFileException("not a readable Parquet file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The scales of top-level decimal columns stored as INT32/INT64 (as DuckDB and Spark write
     * small decimals): parquet-avro reads them as plain numbers, dropping the scale.
     */
    private static Map<String, Integer> integerDecimalScales(InputFile input) throws IOException {
        Map<String, Integer> scales = new HashMap<>();
        try (ParquetFileReader footer = ParquetFileReader.open(input)) {
            for (Type field : footer.getFileMetaData().getSchema().getFields()) {
                if (field.isPrimitive()
                        && field.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation decimal
                        && field.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY
                        && field.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    scales.put(field.getName(), decimal.getScale());
                }
            }
        }
        return scales;
    }

    @Override
    public boolean next(FieldSink sink) throws IOException {
        GenericRecord record;
        try {
            record = reader.read();
        } catch (RuntimeException e) {
            throw new BadFileException("row " + (row + 1) + ": unreadable Parquet data (" + e.getMessage() + ")", e);
        }
        if (record == null) {
            return false;
        }
        row++;
        if (names == null) {
            List<Schema.Field> fields = record.getSchema().getFields();
            names = new String[fields.size()];
            schemas = new Schema[fields.size()];
            decimalScales = new int[fields.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = fields.get(i).name();
                schemas[i] = fields.get(i).schema();
                decimalScales[i] = int64DecimalScales.getOrDefault(names[i], -1);
            }
        }
        for (int i = 0; i < names.length; i++) {
            Object value = record.get(i);
            sink.field(names[i], decimalScales[i] >= 0 && value instanceof Number n
                    ? BigDecimal.valueOf(n.longValue(), decimalScales[i])
                    : AvroValues.plain(value, schemas[i]));
        }
        return true;
    }

    @Override
    public String position() {
        return "row " + row;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
