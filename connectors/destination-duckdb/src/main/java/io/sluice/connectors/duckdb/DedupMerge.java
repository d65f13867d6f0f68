package io.sluice.connectors.duckdb;

import static io.sluice.cdk.normalization.TableNames.quote;
import static java.util.Objects.requireNonNull;

import io.sluice.cdk.normalization.NormalizedLayout;
import io.sluice.cdk.normalization.NormalizedLayout.ChildPlan;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import io.sluice.cdk.normalization.TableNames;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Moves a stream's staged rows into its final normalized tables, keeping one row per primary key:
 * the one with the greatest cursor value, and on a tie the one emitted later (staged rows are later
 * than final ones; among staged rows the later arrival wins). Replaced final rows are deleted with
 * their child-table rows; staged child rows follow their surviving parent (matched on
 * {@code _airbyte_ab_id}). With a {@code deletedAtColumn} (CDC hard deletes), a merged row that carries
 * a deletion time is then removed with its child rows. Runs inside the checkpoint's transaction and
 * empties the staging tables.
 */
final class DedupMerge {
    private final DuckDbSession session;
    private final TableDdl ddl;
    private final TablePlan root;
    private final List<String> keyColumns;
    static final String CDC_DELETED_AT = "_ab_cdc_deleted_at";
    private final Optional<String> cursorColumn;
    private final Optional<String> deletedAtColumn;

    DedupMerge(DuckDbSession session, TableDdl ddl, TablePlan root, List<String> keyColumns,
            Optional<String> cursorColumn, Optional<String> deletedAtColumn) {
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
        String staging = ddl.qualified(TableDdl.NAMES.stagingTable(root.name()));
        String seq = quote(TableSink.SEQUENCE_COLUMN);
        session.execute("DELETE FROM " + staging + " WHERE " + seq + " NOT IN (SELECT " + seq + " FROM "
                + staging + " QUALIFY row_number() OVER (PARTITION BY " + keyList() + " ORDER BY "
                + latestFirst() + ") = 1)");
        if (cursorColumn.isPresent()) {
            String c = quote(cursorColumn.get());
            session.execute("DELETE FROM " + staging + " AS s WHERE EXISTS (SELECT 1 FROM " + target
                    + " AS f WHERE " + keyMatch() + " AND (f." + c + " > s." + c + " OR (s." + c
                    + " IS NULL AND f." + c + " IS NOT NULL)))");
        }
        String replaced = "SELECT f." + quote(root.hashIdColumn()) + " FROM " + target + " AS f WHERE EXISTS"
                + " (SELECT 1 FROM " + staging + " AS s WHERE " + keyMatch() + ")";
        List<String> childDeletes = new ArrayList<>();
        collectChildDeletes(root, replaced, childDeletes);
        for (String delete : childDeletes.reversed()) {
            session.execute(delete);
        }
        session.execute("DELETE FROM " + target + " AS f WHERE EXISTS (SELECT 1 FROM " + staging + " AS s WHERE "
                + keyMatch() + ")");
        session.execute("INSERT INTO " + target + " (" + columnList(root) + ") SELECT " + columnList(root)
                + " FROM " + staging);
        String survivors = "SELECT " + quote(NormalizedLayout.AB_ID) + " FROM " + staging;
        for (TablePlan table : root.withDescendants().subList(1, root.withDescendants().size())) {
            session.execute("INSERT INTO " + ddl.qualified(table.name()) + " (" + columnList(table) + ") SELECT "
                    + columnList(table) + " FROM " + ddl.qualified(TableDdl.NAMES.stagingTable(table.name()))
                    + " WHERE " + quote(NormalizedLayout.AB_ID) + " IN (" + survivors + ")");
        }
        if (deletedAtColumn.isPresent()) {
            removeDeleted(target, staging, quote(deletedAtColumn.get()));
        }
        for (TablePlan table : root.withDescendants()) {
            ddl.truncate(TableDdl.NAMES.stagingTable(table.name()));
        }
    }

    /** Hard deletes: the rows just merged whose latest version is a deletion go, children first. */
    private void removeDeleted(String target, String staging, String deletedAt) throws SQLException {
        String merged = "EXISTS (SELECT 1 FROM " + staging + " AS s WHERE " + keyMatch() + ")";
        String deleted = "SELECT f." + quote(root.hashIdColumn()) + " FROM " + target + " AS f WHERE f." + deletedAt
                + " IS NOT NULL AND " + merged;
        List<String> childDeletes = new ArrayList<>();
        collectChildDeletes(root, deleted, childDeletes);
        for (String delete : childDeletes.reversed()) {
            session.execute(delete);
        }
        session.execute("DELETE FROM " + target + " AS f WHERE f." + deletedAt + " IS NOT NULL AND " + merged);
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
                .map(k -> "f." + quote(k) + " IS NOT DISTINCT FROM s." + quote(k))
                .collect(Collectors.joining(" AND "));
    }

    private String latestFirst() {
        String byArrival = quote(NormalizedLayout.EMITTED_AT) + " DESC, " + quote(TableSink.SEQUENCE_COLUMN) + " DESC";
        return cursorColumn.map(c -> quote(c) + " DESC NULLS LAST, " + byArrival).orElse(byArrival);
    }

    private static String columnList(TablePlan table) {
        return TableDdl.columns(table).stream().map(Map.Entry::getKey).map(TableNames::quote)
                .collect(Collectors.joining(", "));
    }
}
