package io.sluice.cdk;

/**
 * SQL run on a destination's own connection, for the steps a connection runs after its sync (see
 * {@link Destination#sqlRunner}). Each {@link #execute} is one statement, committed on its own
 * (auto-commit): a failing statement leaves the ones before it applied. Unqualified table names
 * resolve in the destination's default schema where the database has such a setting. Used by one
 * thread; the caller closes it.
 */
public interface SqlRunner extends AutoCloseable {

    /**
     * Runs one statement and waits for it to finish, on the calling thread.
     *
     * @return a short account of the outcome for the job log, e.g. {@code "3 rows affected"} or
     *     {@code "done"}; never a row's values
     * @throws ConnectorException TRANSIENT when the connection to the database failed, otherwise
     *     CONFIG or SYSTEM, with the database's reason in plain words
     */
    String execute(String statement);

    /** Closes the connection; never throws. */
    @Override
    void close();
}
