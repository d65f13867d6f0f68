package io.sluice.connectors.s3.destination;

import java.nio.file.Path;
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

/** Reads downloaded files with DuckDB's own readers, as a user would. */
final class DuckDbFiles {
    private DuckDbFiles() {}

    /** {@code SELECT <select> FROM <reader>('<glob>') <rest>} as rows of column name to value. */
    static List<Map<String, Object>> query(String select, String reader, Path glob, String rest) throws SQLException {
        return query("SELECT " + select + " FROM " + reader + "('" + glob + "') " + rest);
    }

    static List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
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
        }
    }

    /** The DuckDB type of each column the reader gives, by name. */
    static Map<String, String> types(String reader, Path glob) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : query("DESCRIBE SELECT * FROM " + reader + "('" + glob + "')")) {
            types.put(String.valueOf(row.get("column_name")), String.valueOf(row.get("column_type")));
        }
        return types;
    }
}
