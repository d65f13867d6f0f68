package io.sluice.connectors.files;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the records of one file (or one entry of an archive), one at a time, in constant memory.
 * Used on one thread; the caller closes it.
 */
public interface RecordReader extends Closeable {

    /**
     * Reads the next record, handing each of its fields to {@code sink}.
     *
     * @return false at the end of the file (the sink was not called)
     * @throws BadFileException when the file does not follow its format; the message names the line
     */
    boolean next(FieldSink sink) throws IOException;

    /** Where the record last read starts, for messages: {@code line 12} or {@code row 12}. */
    String position();
}
