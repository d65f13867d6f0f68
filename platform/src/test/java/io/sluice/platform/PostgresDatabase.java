package io.sluice.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh PostgreSQL database on the local server (127.0.0.1:5432, user postgres) for one test class. */
final class PostgresDatabase implements AutoCloseable {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String name = "sluice_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    PostgresDatabase() {
        execute("create database " + name);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    }

    /** The libpq form that SLUICE_DATABASE_URL also accepts. */
    String libpqUrl() {
        return "postgresql://postgres@127.0.0.1:5432/" + name;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("drop database if exists " + name + " with (force)");
    }
}
