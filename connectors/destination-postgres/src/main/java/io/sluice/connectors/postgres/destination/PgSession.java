package io.sluice.connectors.postgres.destination;

import static io.sluice.cdk.normalization.TableNames.quote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection of a sync (auto-commit off), and the only place that talks to it. A
 * connection runs one COPY at a time: {@link #copy} keeps the COPY of the table that wrote last
 * open, so a stream loading one table streams into a single COPY until the next statement or
 * commit, and tables that take turns switch COPYs once per buffer. Used by one thread.
 */
final class PgSession implements CopySink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgSession.class);

    private final Connection connection;
    private final CopyManager copyManager;
    private final Statement statement;
    private CopyIn activeCopy;
    private TableCopy activeOwner;

    private PgSession(Connection connection) throws SQLException {
        this.connection = connection;
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.statement = connection.createStatement();
    }

    /** Connects with the config's credentials; auto-commit is off. */
    static PgSession open(PostgresConfig config) throws SQLException {
        Connection connection = connect(config);
        try {
            connection.setAutoCommit(false);
            return new PgSession(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A plain JDBC connection with the config's credentials, SSL settings and timeouts. */
    static Connection connect(PostgresConfig config) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config.username());
        config.password().ifPresent(p -> properties.setProperty("password", p.reveal()));
        properties.setProperty("sslmode", config.sslMode());
        config.caCertificate().ifPresent(ca -> properties.setProperty("sslrootcert", writeTempFile(ca)));
        properties.setProperty("connectTimeout", "15");
        properties.setProperty("ApplicationName", "sluice destination-postgres");
        return DriverManager.getConnection(config.jdbcUrl(), properties);
    }

    private static String writeTempFile(String pem) {
        try {
            Path file = Files.createTempFile("sluice-ca-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void execute(String sql) throws SQLException {
        endCopy();
        statement.execute(sql);
    }

    long queryLong(String sql) throws SQLException {
        endCopy();
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void commit() throws SQLException {
        endCopy();
        connection.commit();
    }

    /** Cancels a running COPY and rolls back; never throws (used on the failure path). */
    void rollbackQuietly() {
        try {
            if (activeCopy != null && activeCopy.isActive()) {
                activeCopy.cancelCopy();
            }
        } catch (SQLException e) {
            LOG.warn("Cancelling COPY failed: {}", e.getMessage());
        }
        activeCopy = null;
        activeOwner = null;
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.getMessage());
        }
    }

    void createSchemaIfMissing(String schema) throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    }

    /** A column of an existing table and its type name ({@code pg_type.typname}). */
    record TableColumn(String name, String typname) {}

    /** The table's columns in table order; empty when the table does not exist. */
    List<TableColumn> tableColumns(String schema, String table) throws SQLException {
        endCopy();
        List<TableColumn> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
                        + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
                        + " ORDER BY a.attnum")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TableColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }

    @Override
    public byte[] send(TableCopy owner, byte[] bytes, int length) throws SQLException {
        copy(owner, bytes, length);
        return bytes;
    }

    /** Sends {@code length} bytes of {@code owner}'s COPY data, starting its COPY if another one is open. */
    void copy(TableCopy owner, byte[] bytes, int length) throws SQLException {
        if (activeOwner != owner) {
            endCopy();
            activeCopy = copyManager.copyIn(owner.copySql());
            activeOwner = owner;
            byte[] header = owner.header();
            activeCopy.writeToCopy(header, 0, header.length);
        }
        activeCopy.writeToCopy(bytes, 0, length);
    }

    /** Ends the open COPY, if any, so that other statements can run. */
    void endCopy() throws SQLException {
        if (activeCopy == null) {
            return;
        }
        CopyIn copy = activeCopy;
        byte[] trailer = activeOwner.trailer();
        activeCopy = null;
        activeOwner = null;
        if (trailer.length > 0) {
            copy.writeToCopy(trailer, 0, trailer.length);
        }
        copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        rollbackQuietly();
        try {
            statement.close();
        } finally {
            connection.close();
        }
    }
}
