package io.sluice.connectors.postgres.destination;

import static io.sluice.cdk.normalization.TableNames.quote;

import io.sluice.cdk.normalization.NormalizedLayout;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, evolves, swaps and drops the tables of a stream in one schema. */
final class TableDdl {
    private static final Logger LOG = LoggerFactory.getLogger(TableDdl.class);

    /** The raw table's columns. */
    static final List<PgColumn> RAW_COLUMNS = List.of(
            new PgColumn(NormalizedLayout.AB_ID, PgType.VARCHAR),
            new PgColumn(NormalizedLayout.EMITTED_AT, PgType.TIMESTAMPTZ),
            new PgColumn("_airbyte_data", PgType.JSONB));

    private final PgSession session;
    private final String schema;

    TableDdl(PgSession session, String schema) {
        this.session = session;
        this.schema = schema;
    }

    String schema() {
        return schema;
    }

    /** A layout table's columns with their PostgreSQL types, in table order. */
    static List<PgColumn> columns(TablePlan table) {
        return table.allColumns().stream().map(c -> new PgColumn(c.name(), PgType.of(c))).toList();
    }

    void createSchemaIfMissing() throws SQLException {
        session.createSchemaIfMissing(schema);
    }

    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    String qualified(String table) {
        return qualified(schema, table);
    }

    /** A fresh, empty table (a leftover of an earlier failed run is dropped first). */
    void recreate(String table, List<PgColumn> columns, boolean sequenced) throws SQLException {
        drop(table);
        String sequence = sequenced ? ", " + quote(TableCopy.SEQUENCE_COLUMN) + " int8" : "";
        session.execute("CREATE TABLE " + qualified(table) + " (" + definitions(columns) + sequence + ")");
    }

    /**
     * Creates the table if missing, else adds the columns it lacks. A column whose type changed in
     * the source keeps its table type, with a warning; values are converted to it where they can
     * be. Returns the columns with the types the table has.
     */
    List<PgColumn> ensure(String table, List<PgColumn> columns) throws SQLException {
        List<PgSession.TableColumn> existing = session.tableColumns(schema, table);
        if (existing.isEmpty()) {
            session.execute("CREATE TABLE " + qualified(table) + " (" + definitions(columns) + ")");
            return columns;
        }
        Map<String, PgType> present = new HashMap<>();
        existing.forEach(c -> present.put(c.name(), PgType.ofTypname(c.typname())));
        List<PgColumn> effective = new ArrayList<>();
        for (PgColumn column : columns) {
            PgType current = present.get(column.name());
            if (current == null) {
                LOG.info("Adding column {} ({}) to {}.{}", column.name(), column.type().ddl(), schema, table);
                session.execute("ALTER TABLE " + qualified(table) + " ADD COLUMN " + quote(column.name()) + " "
                        + column.type().ddl());
                effective.add(column);
            } else {
                if (!sameType(current, column.type())) {
                    String typname = existing.stream().filter(c -> c.name().equals(column.name())).findFirst()
                            .map(PgSession.TableColumn::typname).orElse(current.ddl());
                    LOG.warn("Type change in {}.{} column {}: the table has {}, the source now sends {}; values are"
                            + " stored as {} where they convert, else as NULL (counted in a later warning; the raw"
                            + " table keeps the original)", schema, table, column.name(), typname,
                            column.type().ddl(), typname);
                }
                effective.add(new PgColumn(column.name(), current));
            }
        }
        return effective;
    }

    private static boolean sameType(PgType a, PgType b) {
        return a == b || (isText(a) && isText(b));
    }

    private static boolean isText(PgType type) {
        return type == PgType.TEXT || type == PgType.VARCHAR;
    }

    /** An index on {@code columns} if the table has none of that name (dedup looks rows up by key). */
    void ensureIndex(String table, List<String> columns) throws SQLException {
        String index = PostgresConfig.NAMES.identifier(table + "_airbyte_pk");
        session.execute("CREATE INDEX IF NOT EXISTS " + quote(index) + " ON " + qualified(table) + " ("
                + columns.stream().map(io.sluice.cdk.normalization.TableNames::quote).collect(Collectors.joining(", "))
                + ")");
    }

    /** Replaces {@code target} with {@code staging}; runs inside the swap transaction. */
    void swap(String staging, String target) throws SQLException {
        drop(target);
        session.execute("ALTER TABLE " + qualified(staging) + " RENAME TO " + quote(target));
    }

    void drop(String table) throws SQLException {
        session.execute("DROP TABLE IF EXISTS " + qualified(table));
    }

    void truncate(String table) throws SQLException {
        session.execute("TRUNCATE TABLE " + qualified(table));
    }

    private static String definitions(List<PgColumn> columns) {
        return columns.stream()
                .map(c -> quote(c.name()) + " " + c.type().ddl())
                .collect(Collectors.joining(", "));
    }
}
