package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A table, view or materialized view as the catalog describes it.
 *
 * @param kind pg_class.relkind: r table, p partitioned table, v view, m materialized view, f foreign table
 * @param pages pg_class.relpages, the planner's size estimate in 8 kB pages
 * @param primaryKey the primary key's columns in key order; empty when there is none
 */
record PgTable(String schema, String name, char kind, long pages, List<PgColumn> columns, List<String> primaryKey) {

    PgTable {
        requireNonNull(schema, "schema");
        requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** One column and its type. */
    record PgColumn(String name, PgType type) {
        PgColumn {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
        }
    }

    Optional<PgColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** {@code "schema"."name"}, quoted. */
    String qualifiedName() {
        return quote(schema) + "." + quote(name);
    }

    /** Whether rows sit in heap pages that CTID ranges can split (plain tables and materialized views). */
    boolean hasHeapPages() {
        return kind == 'r' || kind == 'm';
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
