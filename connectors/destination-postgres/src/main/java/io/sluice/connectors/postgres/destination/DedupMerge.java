package io.sluice.connectors.postgres.destination;

import static io.sluice.cdk.normalization.TableNames.quote;
import static java.util.Objects.requireNonNull;

import io.sluice.cdk.normalization.NormalizedLayout;
import io.sluice.cdk.normalization.NormalizedLayout.ChildPlan;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import io.sluice.cdk.normalization.TableNames;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Moves a stream's staged rows into its final normalized tables, keeping one row per primary key:
 * the one with the greatest cursor value, and on a tie the one emitted later (staged rows are later
 * than final ones; among staged rows the later arrival wins). Replaced final rows are deleted with
 * their child-table rows (DELETE ... USING, then INSERT); staged child rows follow their surviving
 * parent (matched on {@code _airbyte_ab_id}). Keys match with {@code =}, so rows whose key is NULL
 * are never replaced. With a {@code deletedAtColumn} (CDC hard deletes), a surviving row that
 * carries a deletion time is then removed with its child rows. Runs inside the commit's
 * transaction and empties the staging tables.
 */
final class DedupMerge {
    static final String CDC_DELETED_AT = "_ab_cdc_deleted_at";
    private static final long FEW_CHANGED_ROWS = 200_000;
    private final PgSession session;
    private final TableDdl ddl;
    private final TablePlan root;
    private final List<String> keyColumns;
    private final java.util.Optional<String> cursorColumn;
    private final java.util.Optional<String> deletedAtColumn;

    DedupMerge(PgSession session, TableDdl ddl, TablePlan root, List<String> keyColumns,
            java.util.Optional<String> cursorColumn, java.util.Optional<String> deletedAtColumn) {
        this.deletedAtColumn = requireNonNull(deletedAtColumn, "deletedAtColumn");
        this.session = requireNonNull(session, "session");
        this.ddl = requireNonNull(ddl, "ddl");
        this.root = requireNonNull(root, "root");
        this.keyColumns = List.copyOf(keyColumns);
        this.cursorColumn = requireNonNull(cursorColumn, "cursorColumn");
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("dedup needs a primary key");
        }
    }

    void run() throws SQLException {
        String target = ddl.qualified(root.name());
        String staging = ddl.qualified(PostgresConfig.NAMES.stagingTable(root.name()));
        List<TablePlan> tables = root.withDescendants();
        // Fresh statistics, or the planner takes the staging table for empty and joins it with a
        // scan of the whole final table on every merge.
        session.execute("ANALYZE " + tables.stream()
                .map(t -> ddl.qualified(PostgresConfig.NAMES.stagingTable(t.name())))
                .collect(Collectors.joining(", ")));
        if (session.queryLong("SELECT count(*) FROM (SELECT 1 FROM " + target + " LIMIT 1) AS any_row") == 0) {
            insertIntoEmpty(target, staging);
        } else {
            replace(target, staging);
        }
        if (deletedAtColumn.isPresent()) {
            removeDeleted(target, staging, quote(deletedAtColumn.get()));
        }
        session.execute("TRUNCATE TABLE " + tables.stream()
                .map(t -> ddl.qualified(PostgresConfig.NAMES.stagingTable(t.name())))
                .collect(Collectors.joining(", ")));
    }

    /**
     * Into an empty final table (a stream's first sync): the latest staged row per key in one
     * sorted pass, no deletes; the child rows of those rows, which are now all the final rows.
     */
    private void insertIntoEmpty(String target, String staging) throws SQLException {
        session.execute("INSERT INTO " + target + " (" + columnList(root) + ") SELECT DISTINCT ON (" + keyList()
                + ") " + columnList(root) + " FROM " + staging + " ORDER BY " + keyList() + ", " + latestFirst());
        insertChildren("SELECT " + quote(NormalizedLayout.AB_ID) + " FROM " + target);
    }

    private void replace(String target, String staging) throws SQLException {
        boolean fewChanges = fewChanges(target, staging);
        if (fewChanges) {
            // A handful of changed keys against a big table: probe the key index row by row rather
            // than hash-join with a scan of the whole final table (the planner's pick otherwise).
            session.execute("SET LOCAL enable_hashjoin = off");
            session.execute("SET LOCAL enable_mergejoin = off");
        }
        replaceRows(target, staging);
        if (fewChanges) {
            session.execute("SET LOCAL enable_hashjoin = on");
            session.execute("SET LOCAL enable_mergejoin = on");
        }
    }

    /**
     * Whether index probes beat a scan: up to 200,000 staged rows (a few hundred milliseconds of
     * probes), or under 5% of the final table's estimated rows. A table never analyzed yet (just
     * loaded) has no estimate, so the plain count rule decides.
     */
    private boolean fewChanges(String target, String staging) throws SQLException {
        long staged = session.queryLong("SELECT count(*) FROM " + staging);
        if (staged <= FEW_CHANGED_ROWS) {
            return true;
        }
        long finalRows = session.queryLong("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = '"
                + target.replace("'", "''") + "'::regclass");
        return staged * 20 < finalRows;
    }

    private void replaceRows(String target, String staging) throws SQLException {
        String seq = quote(TableCopy.SEQUENCE_COLUMN);
        session.execute("DELETE FROM " + staging + " AS s USING (SELECT " + seq + ", row_number() OVER (PARTITION BY "
                + keyList() + " ORDER BY " + latestFirst() + ") AS rn FROM " + staging + ") AS r WHERE s." + seq
                + " = r." + seq + " AND r.rn > 1");
        if (cursorColumn.isPresent()) {
            String c = quote(cursorColumn.get());
            session.execute("DELETE FROM " + staging + " AS s USING " + target + " AS f WHERE " + keyMatch()
                    + " AND (f." + c + " > s." + c + " OR (s." + c + " IS NULL AND f." + c + " IS NOT NULL))");
        }
        String replaced = "SELECT f." + quote(root.hashIdColumn()) + " FROM " + target + " AS f JOIN " + staging
                + " AS s ON " + keyMatch();
        List<String> childDeletes = new ArrayList<>();
        collectChildDeletes(root, replaced, childDeletes);
        for (String delete : childDeletes.reversed()) {
            session.execute(delete);
        }
        session.execute("DELETE FROM " + target + " AS f USING " + staging + " AS s WHERE " + keyMatch());
        session.execute("INSERT INTO " + target + " (" + columnList(root) + ") SELECT " + columnList(root)
                + " FROM " + staging);
        insertChildren("SELECT " + quote(NormalizedLayout.AB_ID) + " FROM " + staging);
    }

    /** Hard deletes: the rows just merged whose latest version is a deletion go, children first. */
    private void removeDeleted(String target, String staging, String deletedAt) throws SQLException {
        String deleted = "SELECT f." + quote(root.hashIdColumn()) + " FROM " + target + " AS f JOIN " + staging
                + " AS s ON " + keyMatch() + " WHERE f." + deletedAt + " IS NOT NULL";
        List<String> childDeletes = new ArrayList<>();
        collectChildDeletes(root, deleted, childDeletes);
        for (String delete : childDeletes.reversed()) {
            session.execute(delete);
        }
        session.execute("DELETE FROM " + target + " AS f USING " + staging + " AS s WHERE " + keyMatch() + " AND f."
                + deletedAt + " IS NOT NULL");
    }

    /** Child rows staged for the parent rows {@code survivors} selects (by {@code _airbyte_ab_id}). */
    private void insertChildren(String survivors) throws SQLException {
        List<TablePlan> tables = root.withDescendants();
        for (TablePlan table : tables.subList(1, tables.size())) {
            session.execute("INSERT INTO " + ddl.qualified(table.name()) + " (" + columnList(table) + ") SELECT "
                    + columnList(table) + " FROM " + ddl.qualified(PostgresConfig.NAMES.stagingTable(table.name()))
                    + " WHERE " + quote(NormalizedLayout.AB_ID) + " IN (" + survivors + ")");
        }
    }

    /** Parents before children; {@code parentRows} selects the hash ids of the parent rows going away. */
    private void collectChildDeletes(TablePlan parent, String parentRows, List<String> deletes) {
        for (ChildPlan child : parent.children()) {
            TablePlan table = child.table();
            String link = quote(table.parentHashIdColumn().orElseThrow());
            String qualified = ddl.qualified(table.name());
            deletes.add("DELETE FROM " + qualified + " WHERE " + link + " IN (" + parentRows + ")");
            collectChildDeletes(table, "SELECT " + quote(table.hashIdColumn()) + " FROM " + qualified + " WHERE "
                    + link + " IN (" + parentRows + ")", deletes);
        }
    }

    private String keyList() {
        return keyColumns.stream().map(TableNames::quote).collect(Collectors.joining(", "));
    }

    private String keyMatch() {
        return keyColumns.stream()
                .map(k -> "f." + quote(k) + " = s." + quote(k))
                .collect(Collectors.joining(" AND "));
    }

    private String latestFirst() {
        String byArrival = quote(NormalizedLayout.EMITTED_AT) + " DESC, " + quote(TableCopy.SEQUENCE_COLUMN) + " DESC";
        return cursorColumn.map(c -> quote(c) + " DESC NULLS LAST, " + byArrival).orElse(byArrival);
    }

    private static String columnList(TablePlan table) {
        return table.allColumns().stream().map(NormalizedLayout.Column::name).map(TableNames::quote)
                .collect(Collectors.joining(", "));
    }
}
