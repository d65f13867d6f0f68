package io.sluice.connectors.duckdb;

import static io.sluice.cdk.normalization.TableNames.quote;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to a DuckDB file, and the only place that talks to it. Transactions are
 * explicit ({@code BEGIN}/{@code COMMIT}/{@code ROLLBACK} with auto-commit on): a DuckDB appender
 * joins the connection's transaction only while one is open, so rows are appended only between
 * {@link #begin()} and {@link #commit()}, and appenders are closed (flushed) before either ends.
 * Used by one thread.
 */
final class DuckDbSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbSession.class);

    private final DuckDBConnection connection;
    private boolean inTransaction;

    private DuckDbSession(DuckDBConnection connection) {
        this.connection = connection;
    }

    /** Opens (creating if missing) the database file. */
    static DuckDbSession open(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        return new DuckDbSession(connection.unwrap(DuckDBConnection.class));
    }

    void begin() throws SQLException {
        execute("BEGIN TRANSACTION");
        inTransaction = true;
    }

    void commit() throws SQLException {
        execute("COMMIT");
        inTransaction = false;
    }

    /** Rolls back the open transaction, if any; never throws (used on the failure path). */
    void rollbackQuietly() {
        if (!inTransaction) {
            return;
        }
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.getMessage());
        }
        inTransaction = false;
    }

    /** A statement per call: DuckDB's driver closes a statement whose execution failed. */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs any statement; returns the rows it changed (0 for DDL and queries). */
    long executeCounting(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean rows = statement.execute(sql);
            return rows ? 0 : Math.max(0, statement.getUpdateCount());
        }
    }

    /** Runs a query returning one number (a count, a sum). */
    long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void createSchemaIfMissing(String schema) throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    }

    /** A column of an existing table and its DuckDB type. */
    record TableColumn(String name, String dataType) {}

    /** The table's column names in table order; empty when the table does not exist. */
    List<String> columns(String schema, String table) throws SQLException {
        return tableColumns(schema, table).stream().map(TableColumn::name).toList();
    }

    /** The table's columns with their types, in table order; empty when the table does not exist. */
    List<TableColumn> tableColumns(String schema, String table) throws SQLException {
        List<TableColumn> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database()"
                        + " AND table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(new TableColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return names;
    }

    DuckDBAppender appender(String schema, String table) throws SQLException {
        return connection.createAppender(schema, table);
    }

    @Override
    public void close() throws SQLException {
        rollbackQuietly();
        connection.close();
    }
}
