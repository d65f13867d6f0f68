package io.sluice.platform.operations;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.SqlRunner;
import io.sluice.platform.jobs.PreparedSync;
import java.util.function.BooleanSupplier;

/**
 * Runs an {@code sql} operation's statements in order on the destination's own connection
 * ({@link io.sluice.cdk.Destination#sqlRunner}), each committed on its own; the first that fails
 * stops the operation with "SQL step N of '<operation>' failed: <the database's reason>".
 */
final class SqlStep {
    private static final int SHOWN_CHARACTERS = 300;

    private SqlStep() {}

    static void run(Operation.Sql sql, PreparedSync plan, OperationLog log, BooleanSupplier cancelled) {
        int total = sql.statements().size();
        try (SqlRunner runner = plan.destination().sqlRunner(plan.destinationConfig()).orElseThrow(() ->
                ConnectorException.config(plan.destination().name() + " cannot run SQL: SQL operations run on "
                        + "PostgreSQL, DuckDB and Dremio destinations"))) {
            for (int i = 0; i < total; i++) {
                if (cancelled.getAsBoolean()) {
                    throw ConnectorException.config("stopped before SQL step " + (i + 1) + " of '" + sql.name()
                            + "': the job was cancelled");
                }
                String statement = sql.statements().get(i);
                String step = "SQL step " + (i + 1) + " of " + total;
                log.info(step + ": " + shown(statement));
                long started = System.nanoTime();
                String outcome;
                try {
                    outcome = runner.execute(statement);
                } catch (ConnectorException e) {
                    throw new ConnectorException(e.kind(), "SQL step " + (i + 1) + " of '" + sql.name() + "' failed: "
                            + e.getMessage(), e);
                }
                log.info(step + " done in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + outcome);
            }
        }
    }

    /** The statement on one line, shortened. */
    private static String shown(String statement) {
        String line = statement.replaceAll("\\s+", " ").strip();
        return line.length() <= SHOWN_CHARACTERS ? line : line.substring(0, SHOWN_CHARACTERS) + "...";
    }
}
