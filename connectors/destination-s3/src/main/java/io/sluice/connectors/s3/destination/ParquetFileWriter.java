package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.RowSchema;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter.Mode;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet file streamed to S3: row groups are buffered in memory up to {@code block_size_mb},
 * then encoded, compressed and written to the multipart upload; the footer is written and the
 * upload completed on {@link #complete()}.
 */
final class ParquetFileWriter implements RowFileWriter {
    /** Hadoop's defaults, read once (parsing them costs milliseconds); only read afterwards. */
    private static final Configuration HADOOP = new Configuration();

    private final MultipartOutputStream upload;
    private final RowWriteSupport support;
    private final ParquetWriter<Object[]> writer;

    private ParquetFileWriter(MultipartOutputStream upload, RowWriteSupport support, ParquetWriter<Object[]> writer) {
        this.upload = upload;
        this.support = support;
        this.writer = writer;
    }

    static ParquetFileWriter open(OutputFormat.Parquet format, String stream, RowSchema schema,
            MultipartOutputStream upload) throws IOException {
        RowWriteSupport support = new RowWriteSupport(stream, schema);
        ParquetWriter<Object[]> writer = new Builder(new UploadFile(upload), support)
                .withConf(HADOOP)
                .withWriteMode(Mode.OVERWRITE)
                .withCompressionCodec(format.codec())
                .withRowGroupSize(format.blockSizeBytes())
                .withPageSize(format.pageSizeBytes())
                .withDictionaryPageSize(format.dictionaryPageSizeBytes())
                .withMaxPaddingSize(format.maxPaddingBytes())
                .withDictionaryEncoding(format.dictionaryEncoding())
                // every _airbyte_ab_id is new: a dictionary and min/max statistics only cost time
                .withDictionaryEncoding(RowWriteSupport.AB_ID, false)
                .withStatisticsEnabled(RowWriteSupport.AB_ID, false)
                .build();
        return new ParquetFileWriter(upload, support, writer);
    }

    @Override
    public void write(Object[] row, String abId, long emittedAtMillis) throws IOException {
        support.next(abId, emittedAtMillis);
        writer.write(row);
    }

    @Override
    public long size() {
        return writer.getDataSize();
    }

    @Override
    public void complete() throws IOException {
        writer.close();
        upload.close();
    }

    @Override
    public void abort() {
        upload.abort();
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = requireNonNull(support, "support");
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return support;
        }
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
