package io.sluice.connectors.s3.destination;

import io.sluice.cdk.RowSchema;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter.Mode;

/**
 * A Parquet file streamed to S3. Rows go straight into parquet-column's column writers
 * ({@link ParquetRows}), which encode and compress them page by page; a row group is buffered in
 * memory up to {@code block_size_mb}, as Parquet's layout needs. A full row group is written to
 * the multipart upload on a thread of its own while the next one fills, so encoding and uploading
 * overlap; at most one row group is being written at a time, so at most two are in memory. The
 * footer is written and the upload completed on {@link #complete()}. Used by one writing thread.
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
    /** Two, used by alternate row groups: a compressor is not thread-safe, and two row groups overlap. */
    private final CodecFactory[] codecs;
    private final CodecFactory.BytesInputCompressor[] compressors;
    private final org.apache.parquet.hadoop.ParquetFileWriter file;
    private final long rowGroupBytes;
    /** The buffered row groups' compressed pages, reused by later row groups (of this file or the stream's next). */
    private final PageBufferPool pageBuffers;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private int rowGroupOrdinal;
    private long rowsInGroup;
    private long nextSizeCheck;
    /** The row group's buffered bytes and rows at the last size check, and bytes a row: {@link #size()}'s estimate. */
    private long bufferedAtCheck;
    private long rowsAtCheck;
    private long bytesPerRow;
    private ExecutorService writer;
    private Future<?> writing;
    private long writingBytes;
    private long writtenBytes;

    private ParquetFileWriter(OutputFormat.Parquet format, ParquetRows rows, MultipartOutputStream upload,
            PageBufferPool pageBuffers, DictionaryFallbacks fallbacks) throws IOException {
        this.upload = upload;
        this.rows = rows;
        this.rowGroupBytes = format.blockSizeBytes();
        this.pageBuffers = pageBuffers;
        this.properties = ParquetProperties.builder()
                .withAllocator(pageBuffers)
                .withPageSize(format.pageSizeBytes())
                .withDictionaryPageSize(format.dictionaryPageSizeBytes())
                .withDictionaryEncoding(format.dictionaryEncoding())
                // every _airbyte_ab_id is new: a dictionary and min/max statistics only cost time
                .withDictionaryEncoding(ParquetRows.AB_ID, false)
                .withStatisticsEnabled(ParquetRows.AB_ID, false)
                .withValuesWriterFactory(new PlainValuesFactory(fallbacks))
                // level histograms and unencoded sizes per page: no reader we serve asks for them
                .withSizeStatisticsEnabled(false)
                // parquet-mr looks at every column's page size at least every this many rows: each look
                // costs microseconds; a page may exceed page_size_kb by that many rows' worth
                .withMinRowCountForPageSizeCheck(Math.clamp(format.pageSizeBytes() / 1024, 1, 1000))
                .build();
        this.codecs = new CodecFactory[] {new CodecFactory(HADOOP, properties.getPageSizeThreshold()),
                new CodecFactory(HADOOP, properties.getPageSizeThreshold())};
        this.compressors = new CodecFactory.BytesInputCompressor[] {codecs[0].getCompressor(format.codec()),
                codecs[1].getCompressor(format.codec())};
        this.file = new org.apache.parquet.hadoop.ParquetFileWriter(new UploadFile(upload), rows.schema(),
                Mode.OVERWRITE, format.blockSizeBytes(), format.maxPaddingBytes(), null, properties);
        file.start();
        startRowGroup();
    }

    static ParquetFileWriter open(OutputFormat.Parquet format, String stream, RowSchema schema,
            MultipartOutputStream upload, PageBufferPool pageBuffers, DictionaryFallbacks fallbacks) throws IOException {
        return new ParquetFileWriter(format, new ParquetRows(stream, schema), upload, pageBuffers, fallbacks);
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

    /**
     * Bytes written plus the row group's buffered bytes as the last size check measured them and
     * extrapolated since: asking every column writer for its size costs microseconds, and the
     * caller asks every few hundred rows.
     */
    @Override
    public long size() {
        return writtenBytes + writingBytes + bufferedAtCheck + (rowsInGroup - rowsAtCheck) * bytesPerRow;
    }

    @Override
    public void complete() throws IOException {
        try {
            awaitWriting();
            writeRowGroup(columns, pages, rowsInGroup);
            file.end(Map.of());
        } finally {
            release();
        }
        upload.close();
    }

    @Override
    public void abort() {
        try {
            awaitWriting();
        } catch (IOException | RuntimeException e) {
            // the upload is dropped below, whatever went wrong with it
        }
        release();
        upload.abort();
    }

    /**
     * Hands the row group over once it is about to reach {@code block_size_mb}; otherwise looks
     * again about halfway to the size the rows so far predict, so the check stays rare.
     */
    private void checkRowGroupSize() throws IOException {
        long buffered = columns.getBufferedSize();
        long perRow = Math.max(1, buffered / rowsInGroup);
        bufferedAtCheck = buffered;
        rowsAtCheck = rowsInGroup;
        bytesPerRow = perRow;
        if (buffered + 2 * perRow >= rowGroupBytes) {
            handOverRowGroup(buffered);
            startRowGroup();
            return;
        }
        long rowsToLimit = (rowGroupBytes - buffered) / perRow;
        nextSizeCheck = rowsInGroup + Math.clamp(rowsToLimit / 2, MIN_ROWS_BETWEEN_SIZE_CHECKS,
                MAX_ROWS_BETWEEN_SIZE_CHECKS);
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressors[rowGroupOrdinal % 2], rows.schema(),
                pageBuffers, properties.getColumnIndexTruncateLength(),
                properties.getPageWriteChecksumEnabled(), null, rowGroupOrdinal);
        rowGroupOrdinal++;
        columns = properties.newColumnWriteStore(rows.schema(), pages, pages);
        rows.writeTo(columns);
        rowsInGroup = 0;
        nextSizeCheck = MIN_ROWS_BETWEEN_SIZE_CHECKS;
        bufferedAtCheck = 0;
        rowsAtCheck = 0;
    }

    /** Starts writing the full row group on the writer thread, once the previous one is written. */
    private void handOverRowGroup(long buffered) throws IOException {
        awaitWriting();
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "parquet-row-groups " + upload.key());
                thread.setDaemon(true);
                return thread;
            });
        }
        ColumnWriteStore full = columns;
        ColumnChunkPageWriteStore fullPages = pages;
        long count = rowsInGroup;
        writingBytes = buffered;
        writing = writer.submit(() -> {
            writeRowGroup(full, fullPages, count);
            return null;
        });
    }

    private void awaitWriting() throws IOException {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a row group of " + upload.key());
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        } finally {
            writing = null;
            writingBytes = 0;
        }
        writtenBytes = upload.position();
    }

    /** Writes a row group, if it holds rows, to the file, and frees its buffers. */
    private void writeRowGroup(ColumnWriteStore groupColumns, ColumnChunkPageWriteStore groupPages, long count)
            throws IOException {
        try {
            if (count > 0) {
                file.startBlock(count);
                groupColumns.flush();
                groupPages.flushToFileWriter(file);
                file.endBlock();
            }
        } finally {
            groupColumns.close();
            groupPages.close();
        }
    }

    private void release() {
        if (writer != null) {
            writer.shutdownNow();
        }
        codecs[0].release();
        codecs[1].release();
    }
}
