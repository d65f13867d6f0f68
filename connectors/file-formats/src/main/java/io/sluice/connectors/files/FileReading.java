package io.sluice.connectors.files;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.SyncCancelledException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads files into rows or schema samples, whatever their format and compression. Errors come
 * out as {@link ConnectorException}s naming the file and the line: CONFIG for a file that does not
 * follow its format (or a value that does not fit the schema), TRANSIENT for a failed transfer.
 */
public final class FileReading {
    private static final Logger LOG = LoggerFactory.getLogger(FileReading.class);
    private static final int CANCEL_CHECK_MASK = 1023;

    private FileReading() {}

    /** Receives each row read. */
    @FunctionalInterface
    public interface RowHandler {
        void row(Object[] row);
    }

    /** Samples up to {@code maxRecords} records of the file (all its parts) into {@code inference}. */
    public static void sample(FileLocation source, ReadOptions options, long maxRecords, SchemaInference inference) {
        run(source, options, (reader, name) -> {
            while (inference.records() < maxRecords && reader.next(inference)) {
                inference.recordSeen();
            }
            return inference.records() < maxRecords;
        });
    }

    /**
     * Reads every record of the file into rows through {@code assembler}, handing each to
     * {@code handler}, in constant memory.
     *
     * @return the number of rows read
     * @throws SyncCancelledException once the thread is interrupted
     */
    public static long read(FileLocation source, ReadOptions options, RowAssembler assembler, RowHandler handler) {
        long[] rows = {0};
        run(source, options, (reader, name) -> {
            while (next(reader, assembler)) {
                handler.row(assembler.takeRow());
                if ((++rows[0] & CANCEL_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new SyncCancelledException();
                }
            }
            return true;
        });
        return rows[0];
    }

    private static boolean next(RecordReader reader, RowAssembler assembler) throws IOException {
        try {
            return reader.next(assembler);
        } catch (RowAssembler.BadValueException e) {
            throw new BadFileException(reader.position() + ", " + e.getMessage() + "; if later rows hold other "
                    + "kinds of values than the first ones, sample more rows for the schema or give it", e);
        }
    }

    /** Reads one part with an open reader; returns false to stop. */
    private interface PartReader {
        boolean read(RecordReader reader, String name) throws IOException;
    }

    private static void run(FileLocation source, ReadOptions options, PartReader partReader) {
        String[] current = {source.describe()};
        RecordReader[] open = {null};
        try {
            FileParts.forEach(source, (name, in, localFile) -> {
                current[0] = name;
                try (RecordReader reader = open(options, in, localFile)) {
                    open[0] = reader;
                    return partReader.read(reader, name);
                } finally {
                    open[0] = null;
                }
            });
        } catch (BadFileException e) {
            throw new ConnectorException(FailureKind.CONFIG, current[0] + ": " + e.getMessage(), e);
        } catch (CharacterCodingException e) {
            String where = open[0] == null ? "" : " after " + open[0].position();
            throw ConnectorException.config(current[0] + ": the text is not valid " + encodingName(options) + where
                    + "; set the file's encoding in the reader options");
        } catch (java.util.zip.ZipException e) {
            throw ConnectorException.config(current[0] + ": the compressed file is damaged (" + e.getMessage() + ")");
        } catch (IOException | UncheckedIOException e) {
            throw ConnectorException.transientError("Reading " + current[0] + " failed: " + e.getMessage(), e);
        }
    }

    private static RecordReader open(ReadOptions options, InputStream in, Optional<Path> localFile) throws IOException {
        return switch (options.format()) {
            case CSV, TSV -> new CsvRecordReader(in, options.csv());
            case JSON, JSONL -> new JsonRecordReader(in, options.jsonEncoding());
            case PARQUET -> localFile.isPresent() ? new ParquetRecordReader(localFile.get()) : parquetCopy(in);
        };
    }

    /** Parquet must seek: the part goes to a temporary file, deleted when the reader closes. */
    private static RecordReader parquetCopy(InputStream in) throws IOException {
        Path copy = Files.createTempFile("sluice-", ".parquet");
        try {
            long bytes = Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            LOG.debug("copied {} bytes of Parquet to {}", bytes, copy);
            ParquetRecordReader reader = new ParquetRecordReader(copy);
            return new RecordReader() {
                @Override
                public boolean next(FieldSink sink) throws IOException {
                    return reader.next(sink);
                }

                @Override
                public String position() {
                    return reader.position();
                }

                @Override
                public void close() throws IOException {
                    try {
                        reader.close();
                    } finally {
                        Files.deleteIfExists(copy);
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    private static String encodingName(ReadOptions options) {
        return options.format().isText()
                ? options.csv().encoding().name()
                : options.jsonEncoding().map(c -> c.name()).orElse("UTF-8");
    }
}
