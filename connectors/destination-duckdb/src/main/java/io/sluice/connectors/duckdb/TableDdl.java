package io.sluice.connectors.duckdb;

import static io.sluice.cdk.normalization.TableNames.quote;

import io.sluice.cdk.normalization.NormalizedLayout;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import io.sluice.cdk.normalization.TableNames;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, evolves, swaps and drops the tables of a stream. */
final class TableDdl {
    private static final Logger LOG = LoggerFactory.getLogger(TableDdl.class);

    /** Identifiers as PostgreSQL limits them (63 bytes), so layouts match across SQL destinations. */
    static final TableNames NAMES = new TableNames(TableNames.POSTGRES_MAX_BYTES);

    /** The raw table's columns. */
    static final List<Map.Entry<String, SqlType>> RAW_COLUMNS = List.of(
            Map.entry(NormalizedLayout.AB_ID, SqlType.VARCHAR),
            Map.entry(NormalizedLayout.EMITTED_AT, SqlType.TIMESTAMPTZ),
            Map.entry("_airbyte_data", SqlType.JSON));

    private final DuckDbSession session;
    private final String schema;

    TableDdl(DuckDbSession session, String schema) {
        this.session = session;
        this.schema = schema;
    }

    void createSchemaIfMissing() throws SQLException {
        session.createSchemaIfMissing(schema);
    }

    /** A layout table's columns with their DuckDB types, in table order. */
    static List<Map.Entry<String, SqlType>> columns(TablePlan table) {
        return table.allColumns().stream()
                .map(c -> Map.entry(c.name(), SqlType.of(c.type())))
                .toList();
    }

    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    String qualified(String table) {
        return qualified(schema, table);
    }

    /** A fresh, empty table (a leftover of an earlier failed run is dropped first). */
    void recreate(String table, List<Map.Entry<String, SqlType>> columns) throws SQLException {
        drop(table);
        session.execute("CREATE TABLE " + qualified(table) + " (" + definitions(columns) + ")");
    }

    /** Creates the table if missing, else adds the columns it lacks (schema evolution lite). */
    void ensure(String table, List<Map.Entry<String, SqlType>> columns) throws SQLException {
        List<String> existing = session.columns(schema, table);
        if (existing.isEmpty()) {
            session.execute("CREATE TABLE " + qualified(table) + " (" + definitions(columns) + ")");
            return;
        }
        Set<String> present = new HashSet<>(existing);
        for (Map.Entry<String, SqlType> column : columns) {
            if (!present.contains(column.getKey())) {
                LOG.info("Adding column {} to {}.{}", column.getKey(), schema, table);
                session.execute("ALTER TABLE " + qualified(table) + " ADD COLUMN " + quote(column.getKey())
                        + " " + column.getValue().ddl());
            }
        }
    }

    /** Replaces {@code target} with {@code staging}; run inside the swap transaction. */
    void swap(String staging, String target) throws SQLException {
        drop(target);
        session.execute("ALTER TABLE " + qualified(staging) + " RENAME TO " + quote(target));
    }

    void drop(String table) throws SQLException {
        session.execute("DROP TABLE IF EXISTS " + qualified(table));
    }

    void truncate(String table) throws SQLException {
        session.execute("DELETE FROM " + qualified(table));
    }

    private static String definitions(List<Map.Entry<String, SqlType>> columns) {
        return columns.stream()
                .map(c -> quote(c.getKey()) + " " + c.getValue().ddl())
                .collect(Collectors.joining(", "));
    }
}
