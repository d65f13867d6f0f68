package io.sluice.connectors.postgres.destination;

import static io.sluice.cdk.normalization.TableNames.quote;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.SqlRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination's connection for SQL steps: auto-commit on, {@code search_path} set to the
 * config's schema (then {@code public}), so {@code _airbyte_raw_customers} names the sync's raw table.
 */
final class PgSqlRunner implements SqlRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PgSqlRunner.class);

    private final Connection connection;

    private PgSqlRunner(Connection connection) {
        this.connection = connection;
    }

    static PgSqlRunner open(PostgresConfig config) {
        Connection connection;
        try {
            connection = PgSession.connect(config);
        } catch (SQLException e) {
            throw PostgresErrors.classify("Could not connect to PostgreSQL", e);
        }
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("SET search_path TO " + quote(config.schema()) + ", public");
            return new PgSqlRunner(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw PostgresErrors.classify("Could not prepare the PostgreSQL session", e);
        }
    }

    @Override
    public String execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            boolean rows = statement.execute(sql);
            int count = statement.getUpdateCount();
            return rows ? "query ran" : count > 0 ? count + (count == 1 ? " row" : " rows") + " affected" : "done";
        } catch (SQLException e) {
            throw new ConnectorException(PostgresErrors.classify("PostgreSQL", e).kind(), PostgresErrors.plain(e), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the SQL step connection failed: {}", e.getMessage());
        }
    }
}
