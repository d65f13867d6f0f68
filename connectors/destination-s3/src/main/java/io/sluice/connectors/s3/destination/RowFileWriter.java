package io.sluice.connectors.s3.destination;

import java.io.IOException;

/**
 * One file of a stream being written. Rows come in on the sync's writing thread; the file becomes
 * a visible object only on {@link #complete()}.
 */
interface RowFileWriter {

    /**
     * Adds one row (values in the stream schema's column order).
     *
     * @param abId the row's {@code _airbyte_ab_id}, valid during the call
     * @param emittedAtMillis the row's {@code _airbyte_emitted_at}, epoch milliseconds
     */
    void write(Object[] row, AbId abId, long emittedAtMillis) throws IOException;

    /** About how many bytes the file holds so far (after compression), to decide when it rolls over. */
    long size();

    /** Flushes what is buffered and completes the upload; the object is visible afterwards. */
    void complete() throws IOException;

    /** Drops the file: nothing becomes visible. Never throws. */
    void abort();
}
