package io.sluice.connectors.postgres.destination;

import java.sql.SQLException;

/** Where a {@link TableCopy} sends its encoded rows: the sync's session, or {@link ParallelCopy}. */
interface CopySink {

    /**
     * Sends {@code length} bytes (whole rows) of {@code owner}'s COPY data. Called on the sync's
     * thread. Returns the array the caller encodes into next: {@code bytes} itself once it has been
     * written, or a free one while {@code bytes} waits to be written by another thread (the caller
     * must not touch {@code bytes} afterwards).
     */
    byte[] send(TableCopy owner, byte[] bytes, int length) throws SQLException;
}
