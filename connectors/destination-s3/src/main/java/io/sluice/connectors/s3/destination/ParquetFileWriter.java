package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.RowSchema;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter.Mode;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet file streamed to S3: a row group is buffered in memory (encoded and compressed page by
 * page) up to {@code block_size_mb}, then written to the multipart upload; the footer is written
 * and the upload completed on {@link #complete()}. Rows go straight into parquet-column's column
 * writers ({@link ParquetRows}); parquet-hadoop writes the pages, row groups and footer.
 */
final class ParquetFileWriter implements RowFileWriter {
    /** Hadoop's defaults, read once (parsing them costs milliseconds); only read afterwards. */
    private static final Configuration HADOOP = new Configuration();
    /** Bounds on how many rows pass between two looks at the row group's buffered size. */
    private static final int MIN_ROWS_BETWEEN_SIZE_CHECKS = 100;
    private static final int MAX_ROWS_BETWEEN_SIZE_CHECKS = 10_000;

    private final MultipartOutputStream upload;
    private final ParquetRows rows;
    private final ParquetProperties properties;
    private final CodecFactory codecs;
    private final CodecFactory.BytesInputCompressor compressor;
    private final org.apache.parquet.hadoop.ParquetFileWriter file;
    private final long rowGroupBytes;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private int rowGroupOrdinal;
    private long rowsInGroup;
    private long nextSizeCheck;

    private ParquetFileWriter(OutputFormat.Parquet format, ParquetRows rows, MultipartOutputStream upload)
            throws IOException {
        this.upload = upload;
        this.rows = rows;
        this.rowGroupBytes = format.blockSizeBytes();
        this.properties = ParquetProperties.builder()
                .withPageSize(format.pageSizeBytes())
                .withDictionaryPageSize(format.dictionaryPageSizeBytes())
                .withDictionaryEncoding(format.dictionaryEncoding())
                // every _airbyte_ab_id is new: a dictionary and min/max statistics only cost time
                .withDictionaryEncoding(ParquetRows.AB_ID, false)
                .withStatisticsEnabled(ParquetRows.AB_ID, false)
                .build();
        this.codecs = new CodecFactory(HADOOP, properties.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(format.codec());
        this.file = new org.apache.parquet.hadoop.ParquetFileWriter(new UploadFile(upload), rows.schema(),
                Mode.OVERWRITE, format.blockSizeBytes(), format.maxPaddingBytes(), null, properties);
        file.start();
        startRowGroup();
    }

    static ParquetFileWriter open(OutputFormat.Parquet format, String stream, RowSchema schema,
            MultipartOutputStream upload) throws IOException {
        return new ParquetFileWriter(format, new ParquetRows(stream, schema), upload);
    }

    @Override
    public void write(Object[] row, AbId abId, long emittedAtMillis) throws IOException {
        rows.write(row, abId.ascii(), emittedAtMillis);
        columns.endRecord();
        rowsInGroup++;
        if (rowsInGroup >= nextSizeCheck) {
            checkRowGroupSize();
        }
    }

    @Override
    public long size() {
        try {
            return file.getPos() + columns.getBufferedSize();
        } catch (IOException e) {
            throw new IllegalStateException("the upload's position is always known", e);
        }
    }

    @Override
    public void complete() throws IOException {
        try {
            flushRowGroup();
            file.end(Map.of());
        } finally {
            release();
        }
        upload.close();
    }

    @Override
    public void abort() {
        release();
        upload.abort();
    }

    /**
     * Closes the row group once it is about to reach {@code block_size_mb}; otherwise looks again
     * about halfway to the size the rows so far predict, so the check stays rare.
     */
    private void checkRowGroupSize() throws IOException {
        long buffered = columns.getBufferedSize();
        long perRow = Math.max(1, buffered / rowsInGroup);
        if (buffered + 2 * perRow >= rowGroupBytes) {
            flushRowGroup();
            startRowGroup();
            return;
        }
        long rowsToLimit = (rowGroupBytes - buffered) / perRow;
        nextSizeCheck = rowsInGroup + Math.clamp(rowsToLimit / 2, MIN_ROWS_BETWEEN_SIZE_CHECKS,
                MAX_ROWS_BETWEEN_SIZE_CHECKS);
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, rows.schema(), properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled(), null,
                rowGroupOrdinal++);
        columns = properties.newColumnWriteStore(rows.schema(), pages, pages);
        rows.writeTo(columns);
        rowsInGroup = 0;
        nextSizeCheck = MIN_ROWS_BETWEEN_SIZE_CHECKS;
    }

    /** Writes the buffered row group, if it holds rows, to the file, and frees its buffers. */
    private void flushRowGroup() throws IOException {
        try {
            if (rowsInGroup > 0) {
                file.startBlock(rowsInGroup);
                columns.flush();
                pages.flushToFileWriter(file);
                file.endBlock();
            }
        } finally {
            columns.close();
            pages.close();
        }
    }

    private void release() {
        codecs.release();
    }

    /** Parquet's view of the upload: a stream that knows its position. */
    private static final class UploadFile implements OutputFile {
        private final MultipartOutputStream upload;

        UploadFile(MultipartOutputStream upload) {
            this.upload = upload;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return upload.position();
                }

                @Override
                public void write(int b) throws IOException {
                    upload.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    upload.write(bytes, offset, length);
                }

                /** Parquet closes its stream after the footer; the upload is completed by {@link #complete()}. */
                @Override
                public void close() {}
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return "s3://" + upload.key();
        }
    }
}
