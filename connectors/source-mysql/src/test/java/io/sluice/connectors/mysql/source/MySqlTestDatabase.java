package io.sluice.connectors.mysql.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** A database of its own on the local MariaDB (root, no password), dropped on close. */
final class MySqlTestDatabase implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 3306;
    static final String USER = "root";

    private final String name;
    private final Connection connection;

    MySqlTestDatabase(Class<?> owner) {
        this.name = ("it_" + owner.getSimpleName() + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36))
                .toLowerCase(Locale.ROOT);
        try {
            this.connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + ":" + PORT + "/", USER, "");
            sql("CREATE DATABASE `$d`");
            sql("USE `$d`");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + HOST + ":" + PORT + " is needed", e);
        }
    }

    String name() {
        return name;
    }

    Connection connection() {
        return connection;
    }

    /** Runs statements (in this database) with {@code $d} standing for its name. */
    void sql(String... statements) {
        try (Statement s = connection.createStatement()) {
            for (String statement : statements) {
                s.execute(statement.replace("$d", name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A config reading this database as root. */
    ObjectNode config() {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("host", HOST).put("port", PORT).put("database", name).put("username", USER).put("password", "");
        config.putObject("ssl_mode").put("mode", "preferred");
        config.putObject("replication_method").put("method", "STANDARD");
        return config;
    }

    @Override
    public void close() {
        try (connection) {
            sql("DROP DATABASE IF EXISTS `$d`");
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }
}
