package io.sluice.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server a benchmark runs against, from PGHOST, PGPORT, PGUSER, PGDATABASE and
 * PGPASSWORD (default 127.0.0.1, 5432, postgres, test, none), as psql reads them.
 */
record BenchDatabase(String host, int port, String user, String database, String password) {

    static BenchDatabase fromEnvironment() {
        return new BenchDatabase(env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"), env("PGDATABASE", "test"), env("PGPASSWORD", ""));
    }

    /** {@code host:port/database}, for the benchmark's first line. */
    String describe() {
        return host + ":" + port + "/" + database;
    }

    /** The psql command line that reaches this server (its password comes from PGPASSWORD). */
    String psql() {
        return "psql -X -q -v ON_ERROR_STOP=1 -h " + host + " -p " + port + " -U " + user + " -d " + database;
    }

    /** The connection part of a source-postgres or destination-postgres config. */
    ObjectNode connectorConfig() {
        return JsonNodeFactory.instance.objectNode().put("host", host).put("port", port).put("database", database)
                .put("username", user).put("password", password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
