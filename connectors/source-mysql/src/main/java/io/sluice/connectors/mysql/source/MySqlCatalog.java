package io.sluice.connectors.mysql.source;

import io.sluice.cdk.jdbc.StreamingQuery;
import io.sluice.connectors.mysql.source.MySqlTable.MySqlColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads table descriptions from information_schema: one query for the columns of every table and
 * view, one for the primary keys and (on MariaDB) one for JSON columns, whatever the number of
 * tables. Sequences and system views are left out.
 */
final class MySqlCatalog {
    private static final String COLUMNS = """
            SELECT c.TABLE_NAME, t.TABLE_TYPE, c.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE
            FROM information_schema.COLUMNS c
            JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
            WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED') %s
            ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
            """;
    private static final String PRIMARY_KEYS = """
            SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE
            WHERE TABLE_SCHEMA = ? AND CONSTRAINT_NAME = 'PRIMARY' %s
            ORDER BY TABLE_NAME, ORDINAL_POSITION
            """;
    /** MariaDB's JSON is LONGTEXT with a json_valid() column check named after the column. */
    private static final String MARIADB_JSON_COLUMNS = """
            SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = ? AND LEVEL = 'Column' AND CHECK_CLAUSE LIKE 'json\\_valid(%%' %s
            """;
    private static final String ONE_TABLE = "AND TABLE_NAME = ?";

    private MySqlCatalog() {}

    /** Every table and view of {@code database} the user may SELECT from. */
    static List<MySqlTable> selectableTables(Connection connection, String database) throws SQLException {
        List<MySqlTable> tables = tables(connection, database, Optional.empty());
        return new SelectPrivileges(connection, database).selectable(tables);
    }

    /** One table or view (whatever the privileges: reading it then tells the user what is missing). */
    static Optional<MySqlTable> table(Connection connection, String database, String name) throws SQLException {
        List<MySqlTable> found = tables(connection, database, Optional.of(name));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Whether the database has any table or view at all, readable or not. */
    static boolean hasTables(Connection connection, String database) throws SQLException {
        return !tables(connection, database, Optional.empty()).isEmpty();
    }

    private static List<MySqlTable> tables(Connection connection, String database, Optional<String> name)
            throws SQLException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        query(connection, PRIMARY_KEYS.formatted(name.isPresent() ? ONE_TABLE : ""), database, name,
                rs -> keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        Set<String> jsonColumns = new HashSet<>();
        if (isMariaDb(connection)) {
            query(connection, MARIADB_JSON_COLUMNS.formatted(name.isPresent() ? ONE_TABLE : ""), database, name,
                    rs -> jsonColumns.add(key(rs.getString(1), rs.getString(2))));
        }
        Map<String, List<MySqlColumn>> columns = new LinkedHashMap<>();
        Map<String, Boolean> views = new LinkedHashMap<>();
        query(connection, COLUMNS.formatted(name.isPresent() ? "AND c.TABLE_NAME = ?" : ""), database, name, rs -> {
            String table = rs.getString(1);
            views.put(table, rs.getString(2).equals("VIEW"));
            String column = rs.getString(3);
            MySqlType type = MySqlType.of(rs.getString(4), rs.getString(5));
            if (jsonColumns.contains(key(table, column))) {
                type = new MySqlType(type.dataType(), type.columnType(), true);
            }
            columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new MySqlColumn(column, type));
        });
        List<MySqlTable> tables = new ArrayList<>();
        columns.forEach((table, cols) -> tables.add(new MySqlTable(database, table, views.get(table), cols,
                keys.getOrDefault(table, List.of()))));
        return tables;
    }

    private static boolean isMariaDb(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            return rs.next() && rs.getString(1).contains("MariaDB");
        }
    }

    private static void query(Connection connection, String sql, String database, Optional<String> name,
            StreamingQuery.RowHandler handler) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, database);
            if (name.isPresent()) {
                s.setString(2, name.get());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    private static String key(String table, String column) {
        return table + '\u0000' + column;
    }
}
