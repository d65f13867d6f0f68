package io.sluice.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Basic normalization lays a stream out in tables: scalar fields become typed columns, nested
 * objects are flattened into {@code <parent>_<child>} columns, arrays of objects become child
 * tables {@code <table>_<field>} (one row per element), everything else is a JSON column. Built once
 * per stream from its {@link RowSchema}; the same schema always gives the same layout.
 */
record NormalizedLayout(TablePlan root) {
    static final String AB_ID = "_airbyte_ab_id";
    static final String EMITTED_AT = "_airbyte_emitted_at";
    static final String NORMALIZED_AT = "_airbyte_normalized_at";

    NormalizedLayout {
        requireNonNull(root, "root");
    }

    /**
     * One data column: its identifier, its type, and where its value lives. For the root table
     * {@code rowIndex} is the row position of the top-level field and {@code path} the keys below
     * it; for a child table {@code rowIndex} is -1 and {@code path} starts at the element.
     */
    record ColumnPlan(String name, SqlType type, int rowIndex, List<String> path) {
        ColumnPlan {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            path = List.copyOf(path);
        }
    }

    /** A child table fed by the array found at {@code rowIndex}/{@code path} of its parent's rows. */
    record ChildPlan(int rowIndex, List<String> path, TablePlan table) {
        ChildPlan {
            path = List.copyOf(path);
            requireNonNull(table, "table");
        }
    }

    /**
     * One table: data columns, then {@code _airbyte_ab_id}, {@code _airbyte_emitted_at},
     * {@code _airbyte_normalized_at} and its hash id column; a child table starts with its parent's
     * hash id column.
     */
    record TablePlan(String name, Optional<String> parentHashIdColumn, List<ColumnPlan> columns,
            String hashIdColumn, List<ChildPlan> children) {
        TablePlan {
            requireNonNull(name, "name");
            requireNonNull(parentHashIdColumn, "parentHashIdColumn");
            columns = List.copyOf(columns);
            requireNonNull(hashIdColumn, "hashIdColumn");
            children = List.copyOf(children);
        }

        /** Every column with its type, in table order. */
        List<Map.Entry<String, SqlType>> allColumns() {
            List<Map.Entry<String, SqlType>> all = new ArrayList<>();
            parentHashIdColumn.ifPresent(p -> all.add(Map.entry(p, SqlType.VARCHAR)));
            columns.forEach(c -> all.add(Map.entry(c.name(), c.type())));
            all.add(Map.entry(AB_ID, SqlType.VARCHAR));
            all.add(Map.entry(EMITTED_AT, SqlType.TIMESTAMPTZ));
            all.add(Map.entry(NORMALIZED_AT, SqlType.TIMESTAMPTZ));
            all.add(Map.entry(hashIdColumn, SqlType.VARCHAR));
            return all;
        }

        /** This table and all its descendants, parents before children. */
        List<TablePlan> withDescendants() {
            List<TablePlan> all = new ArrayList<>();
            all.add(this);
            children.forEach(c -> all.addAll(c.table().withDescendants()));
            return all;
        }

        /** The column holding the field at {@code fieldPath} (top-level name, then nested keys). */
        Optional<String> columnFor(List<String> fieldPath, RowSchema schema) {
            if (fieldPath.isEmpty()) {
                return Optional.empty();
            }
            int index = schema.indexOf(fieldPath.get(0)).orElse(-1);
            List<String> rest = fieldPath.subList(1, fieldPath.size());
            return columns.stream()
                    .filter(c -> c.rowIndex() == index && c.path().equals(rest))
                    .map(ColumnPlan::name)
                    .findFirst();
        }
    }

    /** The layout of {@code stream}'s rows, with the root table named {@code tableName}. */
    static NormalizedLayout of(String tableName, RowSchema schema) {
        return new NormalizedLayout(plan(tableName, Optional.empty(), schema, null));
    }

    private static TablePlan plan(String table, Optional<String> parentHashId, RowSchema rootSchema,
            JsonNode elementProperties) {
        Set<String> used = new HashSet<>(List.of(AB_ID, EMITTED_AT, NORMALIZED_AT));
        parentHashId.ifPresent(used::add);
        String hashId = TableNames.hashIdColumn(table);
        used.add(hashId);
        List<ColumnPlan> columns = new ArrayList<>();
        List<ChildPlan> children = new ArrayList<>();
        Builder builder = new Builder(table, hashId, used, columns, children);
        if (rootSchema != null) {
            for (int i = 0; i < rootSchema.size(); i++) {
                RowSchema.Column column = rootSchema.column(i);
                builder.field(i, List.of(), column.name(), column.schema());
            }
        } else {
            elementProperties.fields().forEachRemaining(
                    p -> builder.field(-1, List.of(p.getKey()), p.getKey(), p.getValue()));
        }
        return new TablePlan(table, parentHashId, columns, hashId, children);
    }

    private record Builder(String table, String hashId, Set<String> used, List<ColumnPlan> columns,
            List<ChildPlan> children) {

        void field(int rowIndex, List<String> path, String flatName, JsonNode schema) {
            ValueType type = RowSchema.typeOf(schema);
            if (type == ValueType.OBJECT && schema.path("properties").size() > 0) {
                schema.path("properties").fields().forEachRemaining(p -> field(rowIndex,
                        append(path, p.getKey()), flatName + "_" + p.getKey(), p.getValue()));
            } else if (type == ValueType.ARRAY && isObjectItems(schema.path("items"))) {
                String childTable = TableNames.identifier(table + "_" + flatName);
                TablePlan child = plan(childTable, Optional.of(hashId), null, schema.path("items").path("properties"));
                children.add(new ChildPlan(rowIndex, path, child));
            } else {
                columns.add(new ColumnPlan(allocate(flatName), SqlType.of(type), rowIndex, path));
            }
        }

        private String allocate(String flatName) {
            String base = TableNames.identifier(flatName);
            String name = base;
            for (int n = 1; !used.add(name); n++) {
                name = TableNames.identifier(flatName + "_" + n);
            }
            return name;
        }

        private static boolean isObjectItems(JsonNode items) {
            return items.isObject() && RowSchema.typeOf(items) == ValueType.OBJECT
                    && items.path("properties").size() > 0;
        }

        private static List<String> append(List<String> path, String key) {
            List<String> longer = new ArrayList<>(path);
            longer.add(key);
            return longer;
        }
    }
}
