package io.sluice.connectors.postgres.source;

import io.sluice.connectors.postgres.source.PgTable.PgColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads table descriptions from pg_catalog: one query for the columns of every table and one for
 * every primary key, whatever the number of tables. Partitions are left out (their parent is read).
 */
final class PgCatalog {
    private static final String COLUMNS = """
            SELECT n.nspname, c.relname, c.relkind, c.relpages, a.attname, bt.typname,
                   et.typname AS element, format_type(a.atttypid, a.atttypmod) AS sqltype
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
            LEFT JOIN pg_catalog.pg_type et ON bt.typcategory = 'A' AND et.oid = bt.typelem
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND n.nspname = ANY (?) %s
            ORDER BY n.nspname, c.relname, a.attnum
            """;
    private static final String SELECTABLE =
            "AND has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT')";
    private static final String ONE_TABLE = "AND c.relname = ?";
    private static final String PRIMARY_KEYS = """
            SELECT n.nspname, c.relname, a.attname
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
            WHERE i.indisprimary AND n.nspname = ANY (?) %s
            ORDER BY n.nspname, c.relname, array_position(i.indkey::int2[], a.attnum)
            """;

    private PgCatalog() {}

    /** Every table, view and materialized view of {@code schemas} the user may select from. */
    static List<PgTable> selectableTables(Connection connection, List<String> schemas) throws SQLException {
        return tables(connection, schemas, SELECTABLE, Optional.empty());
    }

    /** One table (whatever the privileges: reading it then tells the user what is missing). */
    static Optional<PgTable> table(Connection connection, String schema, String name) throws SQLException {
        List<PgTable> found = tables(connection, List.of(schema), ONE_TABLE, Optional.of(name));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private static List<PgTable> tables(Connection connection, List<String> schemas, String filter,
            Optional<String> name) throws SQLException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(PRIMARY_KEYS.formatted(name.isPresent() ? ONE_TABLE : ""))) {
            bind(connection, s, schemas, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>()).add(rs.getString(3));
                }
            }
        }
        List<PgTable> tables = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(COLUMNS.formatted(filter))) {
            bind(connection, s, schemas, name);
            try (ResultSet rs = s.executeQuery()) {
                String schema = null;
                String table = null;
                char kind = 'r';
                long pages = 0;
                List<PgColumn> columns = new ArrayList<>();
                while (rs.next()) {
                    if (!rs.getString(1).equals(schema) || !rs.getString(2).equals(table)) {
                        if (table != null) {
                            tables.add(new PgTable(schema, table, kind, pages, columns,
                                    keys.getOrDefault(key(schema, table), List.of())));
                        }
                        schema = rs.getString(1);
                        table = rs.getString(2);
                        kind = rs.getString(3).charAt(0);
                        pages = rs.getLong(4);
                        columns = new ArrayList<>();
                    }
                    columns.add(new PgColumn(rs.getString(5),
                            new PgType(rs.getString(6), Optional.ofNullable(rs.getString(7)), rs.getString(8))));
                }
                if (table != null) {
                    tables.add(new PgTable(schema, table, kind, pages, columns,
                            keys.getOrDefault(key(schema, table), List.of())));
                }
            }
        }
        return tables;
    }

    private static void bind(Connection connection, PreparedStatement s, List<String> schemas, Optional<String> name)
            throws SQLException {
        s.setArray(1, connection.createArrayOf("text", schemas.toArray()));
        if (name.isPresent()) {
            s.setString(2, name.get());
        }
    }

    private static String key(String schema, String table) {
        return schema + '\u0000' + table;
    }
}
