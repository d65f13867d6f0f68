package io.sluice.connectors.postgres.destination;

/**
 * Encodes rows into one of COPY's formats. Values are already converted to their column type's
 * Java class ({@link PgValues}). Not thread-safe: one per table copy.
 */
sealed interface CopyEncoder permits TextCopyEncoder, BinaryCopyEncoder {

    /** The COPY options selecting this format, appended to {@code COPY t (cols) FROM STDIN}. */
    String copyOptions();

    /** Written once at the start of each COPY. */
    void header(CopyBuffer out);

    /** Written once at the end of each COPY. */
    void trailer(CopyBuffer out);

    /** Starts a row of {@code fields} values. */
    void beginRow(CopyBuffer out, int fields);

    /** The {@code index}-th value of the row, or NULL when {@code value} is null. */
    void value(CopyBuffer out, int index, PgType type, Object value);

    /** Ends the row. */
    void endRow(CopyBuffer out);
}
