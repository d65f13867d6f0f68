package io.sluice.connectors.postgres.destination;

import static io.sluice.cdk.normalization.TableNames.quote;
import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk-loads rows into one table through {@code COPY ... FROM STDIN}: values are converted to the
 * table's column types, encoded into a reused buffer, and the buffer goes to the session's COPY
 * whenever it passes {@link #FLUSH_BYTES}. Binary format unless the config asks for text or a
 * column has a type Sluice cannot encode in binary. A value that does not fit its column's type is
 * stored as NULL and counted per column; {@link #close} logs the counts. A dedup staging table
 * has a trailing sequence column the copy numbers itself.
 */
final class TableCopy {
    /** The staging-only column ordering rows as they arrived, for "later emitted wins". */
    static final String SEQUENCE_COLUMN = "_airbyte_seq";
    static final int FLUSH_BYTES = 1 << 20;
    /** A buffer's starting size: a flush's worth plus room for the row that passes it. */
    static final int BUFFER_BYTES = FLUSH_BYTES + (64 << 10);
    private static final Logger LOG = LoggerFactory.getLogger(TableCopy.class);

    private final CopySink sink;
    private final String qualifiedTable;
    private final List<PgColumn> columns;
    private final PgType[] types;
    /** Per column, the class whose values need no check at all (the usual case), else Void. */
    private final Class<?>[] canonicalClasses;
    private final boolean sequenced;
    private final CopyEncoder encoder;
    private final String copySql;
    private final byte[] header;
    private final byte[] trailer;
    private final CopyBuffer buffer = new CopyBuffer(BUFFER_BYTES);
    private final long[] misfits;
    private long sequence;
    private long rows;

    /**
     * @param columns the columns values come in, with the table's types
     * @param sequenced whether the table has {@link #SEQUENCE_COLUMN} after them
     */
    TableCopy(CopySink sink, String schema, String table, List<PgColumn> columns, boolean sequenced,
            PostgresConfig.CopyFormat format) {
        this.sink = requireNonNull(sink, "sink");
        this.qualifiedTable = quote(schema) + "." + quote(table);
        this.columns = List.copyOf(columns);
        this.types = columns.stream().map(PgColumn::type).toArray(PgType[]::new);
        this.canonicalClasses = columns.stream().map(c -> PgValues.canonicalClass(c.type())).toArray(Class<?>[]::new);
        this.sequenced = sequenced;
        boolean binary = format == PostgresConfig.CopyFormat.BINARY && columns.stream().allMatch(c -> c.type().binary());
        this.encoder = binary ? new BinaryCopyEncoder() : new TextCopyEncoder();
        String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "))
                + (sequenced ? ", " + quote(SEQUENCE_COLUMN) : "");
        this.copySql = "COPY " + qualifiedTable + " (" + names + ") FROM STDIN" + encoder.copyOptions();
        this.header = bytes(encoder, true);
        this.trailer = bytes(encoder, false);
        this.misfits = new long[columns.size()];
    }

    private static byte[] bytes(CopyEncoder encoder, boolean header) {
        CopyBuffer out = new CopyBuffer(32);
        if (header) {
            encoder.header(out);
        } else {
            encoder.trailer(out);
        }
        return java.util.Arrays.copyOf(out.array(), out.size());
    }

    String copySql() {
        return copySql;
    }

    byte[] header() {
        return header;
    }

    byte[] trailer() {
        return trailer;
    }

    boolean binary() {
        return encoder instanceof BinaryCopyEncoder;
    }

    /** Encodes one row; {@code values} follow the column order this copy was built with. */
    void append(Object[] values) throws SQLException {
        int fields = types.length + (sequenced ? 1 : 0);
        encoder.beginRow(buffer, fields);
        for (int i = 0; i < types.length; i++) {
            Object value = values[i];
            if (value != null && value.getClass() != canonicalClasses[i] && !PgValues.isCanonical(types[i], value)) {
                Optional<Object> converted = PgValues.convert(types[i], value);
                if (converted.isEmpty()) {
                    misfits[i]++;
                }
                value = converted.orElse(null);
            }
            encoder.value(buffer, i, types[i], value);
        }
        if (sequenced) {
            encoder.value(buffer, types.length, PgType.INT8, sequence++);
        }
        encoder.endRow(buffer);
        rows++;
        if (buffer.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Sends the buffered rows to the sink's COPY. */
    void flush() throws SQLException {
        if (buffer.size() > 0) {
            buffer.replace(sink.send(this, buffer.array(), buffer.size()));
        }
    }

    /** Sends what is buffered, and logs the values that were stored as NULL because they did not fit. */
    void close() throws SQLException {
        flush();
        for (int i = 0; i < misfits.length; i++) {
            if (misfits[i] > 0) {
                LOG.warn("{} values of column {} in {} could not be stored as {} and were stored as NULL"
                        + " (the raw table keeps them)", misfits[i], columns.get(i).name(), qualifiedTable,
                        types[i].ddl());
                misfits[i] = 0;
            }
        }
    }

    /** Drops what is buffered and not yet sent (the failure path). */
    void discard() {
        buffer.reset();
    }

    long rows() {
        return rows;
    }
}
