package io.sluice.connectors.duckdb;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.SqlRunner;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DuckDB file opened for SQL steps after a sync: auto-commit, the config's schema made the
 * default ({@code SET schema}), so {@code _airbyte_raw_customers} names the sync's raw table. DuckDB errors
 * are the user's SQL (CONFIG): the file is local, there is no network to fail.
 */
final class DuckDbSqlRunner implements SqlRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbSqlRunner.class);

    private final DuckDbSession session;

    private DuckDbSqlRunner(DuckDbSession session) {
        this.session = session;
    }

    static DuckDbSqlRunner open(DuckDbSession session, String schema) {
        try {
            session.createSchemaIfMissing(schema);
            session.execute("SET schema = '" + schema.replace("'", "''") + "'");
            return new DuckDbSqlRunner(session);
        } catch (SQLException e) {
            closeQuietly(session);
            throw ConnectorException.config("DuckDB: cannot use schema " + schema + ": " + firstLine(e.getMessage()));
        }
    }

    @Override
    public String execute(String sql) {
        try {
            long changed = session.executeCounting(sql);
            return changed > 0 ? changed + (changed == 1 ? " row" : " rows") + " affected" : "done";
        } catch (SQLException e) {
            throw new ConnectorException(FailureKind.CONFIG, firstLine(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(DuckDbSession session) {
        try {
            session.close();
        } catch (SQLException e) {
            LOG.debug("closing the DuckDB file after SQL steps failed: {}", e.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
