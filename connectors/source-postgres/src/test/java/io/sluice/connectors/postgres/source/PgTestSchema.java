package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** A schema of its own in the local test database, dropped on close. */
final class PgTestSchema implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String DATABASE = "test";
    static final String USER = "postgres";

    private final String name;
    private final Connection connection;

    PgTestSchema(Class<?> owner) {
        this.name = ("it_" + owner.getSimpleName() + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36))
                .toLowerCase(Locale.ROOT);
        try {
            this.connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE, USER, "");
            sql("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed", e);
        }
    }

    String name() {
        return name;
    }

    Connection connection() {
        return connection;
    }

    /** Runs statements with {@code $s} standing for the schema name. */
    void sql(String... statements) {
        try (Statement s = connection.createStatement()) {
            for (String statement : statements) {
                s.execute(statement.replace("$s", name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode config() {
        return PgTestSchemaConfig.of(name);
    }

    @Override
    public void close() {
        try (connection) {
            sql("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }
}
