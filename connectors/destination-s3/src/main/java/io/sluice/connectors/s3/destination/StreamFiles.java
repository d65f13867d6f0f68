package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StreamDescriptor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one stream in one sync: at most one open at a time, rolled over once it holds
 * {@code file_size_mb}; the keys of the completed ones are kept for overwrite and for clean-up
 * after a failure.
 */
final class StreamFiles {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFiles.class);
    private static final int SIZE_CHECK_ROWS = 256;

    private final ConfiguredStream stream;
    private final RowSchema schema;
    private final ObjectKeys.StreamKeys keys;
    private final OutputFormat format;
    private final S3Storage storage;
    private final ExecutorService uploads;
    private final WriteTuning tuning;
    private final long fileSizeBytes;
    /** Page buffers of the stream's Parquet row groups, reused across its files: two row groups' worth. */
    private final PageBufferPool pageBuffers;
    /** The Parquet columns whose dictionaries gave up lately, remembered across the stream's files. */
    private final DictionaryFallbacks dictionaryFallbacks = new DictionaryFallbacks();
    private final List<String> completed = new ArrayList<>();
    private final Set<String> written = new HashSet<>();
    private final AbId abId = new AbId();
    private RowFileWriter open;
    private MultipartOutputStream openUpload;
    private long openFirstRow;
    private long openRows;
    private int nextPart;
    private boolean replacing;
    private long rows;

    StreamFiles(ConfiguredStream stream, ObjectKeys.StreamKeys keys, OutputFormat format, S3Storage storage,
            ExecutorService uploads, WriteTuning tuning, long fileSizeBytes) {
        this.stream = requireNonNull(stream, "stream");
        this.schema = RowSchema.of(stream.stream().jsonSchema());
        this.keys = requireNonNull(keys, "keys");
        this.format = requireNonNull(format, "format");
        this.storage = requireNonNull(storage, "storage");
        this.uploads = requireNonNull(uploads, "uploads");
        this.tuning = requireNonNull(tuning, "tuning");
        this.fileSizeBytes = fileSizeBytes;
        this.pageBuffers = new PageBufferPool(format instanceof OutputFormat.Parquet parquet
                ? 2 * parquet.blockSizeBytes() : 0);
    }

    StreamDescriptor descriptor() {
        return StreamDescriptor.of(stream.stream().namespace().orElse(null), stream.stream().name());
    }

    DestinationSyncMode mode() {
        return stream.destinationSyncMode();
    }

    /**
     * Writes a batch whose first row is row number {@code firstRow} of the sync.
     *
     * @return whether a file was completed (rolled over) on the way
     */
    boolean write(List<Object[]> batch, long emittedAtMillis, long firstRow) throws IOException {
        boolean rolled = false;
        long rowNumber = firstRow;
        for (Object[] row : batch) {
            if (open == null) {
                start(rowNumber);
            }
            open.write(row, abId.next(), emittedAtMillis);
            openRows++;
            rows++;
            rowNumber++;
            if (openRows % SIZE_CHECK_ROWS == 0 && open.size() >= fileSizeBytes) {
                completeFile();
                rolled = true;
            }
        }
        return rolled;
    }

    /** Whether a file is open, and so holds rows not yet in a completed object. */
    boolean hasOpenFile() {
        return open != null;
    }

    /** The sync row number of the open file's first row. */
    long openFirstRow() {
        return openFirstRow;
    }

    /**
     * Completes the open file, if any: its object becomes visible. The stream may now stay idle, so
     * its pooled page buffers go too (a roll-over keeps them for the next file).
     */
    void completeOpenFile() throws IOException {
        try {
            completeFile();
        } finally {
            pageBuffers.clear();
        }
    }

    private void completeFile() throws IOException {
        if (open == null) {
            return;
        }
        RowFileWriter file = open;
        String key = openUpload.key();
        open = null;
        try {
            file.complete();
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        }
        completed.add(key);
        LOG.info("stream {}: wrote s3://{}/{} ({} rows)", stream.stream().name(), storage.bucket(), key, openRows);
    }

    /** For OVERWRITE, at the end of a good sync: deletes the stream's files that this sync did not write. */
    void deleteEarlierFiles() {
        replacing = true;
        List<String> old = storage.list(keys.listPrefix()).stream()
                .filter(key -> keys.isStreamFile(key) && !written.contains(key))
                .toList();
        storage.delete(old);
        if (!old.isEmpty()) {
            LOG.info("stream {}: deleted {} file(s) of earlier syncs", stream.stream().name(), old.size());
        }
    }

    /**
     * After a failure: drops the open file and, for OVERWRITE, the completed ones, unless the old
     * files were already being deleted (then the new ones are all the stream has). Never throws.
     */
    void abort() {
        if (open != null) {
            open.abort();
            open = null;
        }
        pageBuffers.clear();
        if (mode() == DestinationSyncMode.OVERWRITE && !replacing && !completed.isEmpty()) {
            try {
                storage.delete(List.copyOf(completed));
            } catch (RuntimeException e) {
                LOG.warn("stream {}: could not delete the {} new file(s) of the failed overwrite: {}",
                        stream.stream().name(), completed.size(), e.getMessage());
            }
        }
    }

    /** What the stream's files hold, for the log. */
    String summary() {
        return stream.stream().name() + ": " + rows + " rows in " + completed.size() + " file(s)";
    }

    private void start(long firstRow) throws IOException {
        String key = freeKey();
        written.add(key);
        openUpload = new MultipartOutputStream(storage, key, tuning.partSizeBytes(), tuning.partsInFlight(),
                uploads);
        try {
            open = format.open(stream.stream().name(), schema, openUpload, pageBuffers, dictionaryFallbacks);
        } catch (IOException | RuntimeException e) {
            openUpload.abort();
            throw e;
        }
        openFirstRow = firstRow;
        openRows = 0;
    }

    /** The next key no object has: a path format without time or UUID variables must not overwrite older files. */
    private String freeKey() {
        while (true) {
            String key = keys.key(nextPart++, Instant.now());
            if (!written.contains(key) && !storage.exists(key)) {
                return key;
            }
            if (nextPart > 1_000_000) {
                throw ConnectorException.config("s3_path_format / file_name_pattern: every key for stream "
                        + stream.stream().name() + " is taken; add ${UUID}, ${EPOCH} or {part_number}");
            }
        }
    }
}
