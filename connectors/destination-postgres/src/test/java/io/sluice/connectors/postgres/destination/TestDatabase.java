package io.sluice.connectors.postgres.destination;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local PostgreSQL the ITs use (127.0.0.1:5432, user postgres, database test; overridable with
 * SLUICE_TEST_PG_HOST / _PORT), with one schema per test that {@link #close} drops.
 */
final class TestDatabase implements AutoCloseable {
    static final String HOST = System.getenv().getOrDefault("SLUICE_TEST_PG_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("SLUICE_TEST_PG_PORT", "5432"));
    static final String DATABASE = "test";
    static final String USER = "postgres";

    private final List<String> schemas = new ArrayList<>();
    private final String prefix;

    TestDatabase(Class<?> testClass) {
        this.prefix = "it_" + testClass.getSimpleName().toLowerCase() + "_";
    }

    /** A fresh schema name, dropped at {@link #close}. */
    String newSchema() {
        String schema = prefix + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        schemas.add(schema);
        return schema;
    }

    /** A config writing into a fresh schema. */
    ObjectNode config() {
        return config(newSchema());
    }

    static ObjectNode config(String schema) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("host", HOST);
        config.put("port", PORT);
        config.put("database", DATABASE);
        config.put("schema", schema);
        config.put("username", USER);
        config.put("password", "");
        config.putObject("ssl_mode").put("mode", "disable");
        return config;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE, USER, "");
    }

    /** Rows of a query as column name -> value (JDBC's objects), in order. */
    static List<Map<String, Object>> query(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    static long count(String qualifiedTable) {
        return ((Number) query("SELECT count(*) AS n FROM " + qualifiedTable).get(0).get("n")).longValue();
    }

    /** The tables of a schema, sorted. */
    static List<String> tables(String schema) {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                + "' ORDER BY table_name").stream().map(r -> (String) r.get("table_name")).toList();
    }

    /** Column name -> data type of a table, in order. */
    static Map<String, String> columnTypes(String schema, String table) {
        Map<String, String> types = new LinkedHashMap<>();
        query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "' ORDER BY ordinal_position")
                .forEach(r -> types.put((String) r.get("column_name"), (String) r.get("data_type")));
        return types;
    }

    @Override
    public void close() {
        for (String schema : schemas) {
            execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
        schemas.clear();
    }
}
