package io.sluice.cdk.normalization;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How Basic normalization lays a stream out in tables, independent of the database: scalar fields
 * become typed columns, nested objects are flattened into {@code <parent>_<child>} columns, arrays
 * of objects become child tables {@code <table>_<field>} (one row per element), everything else is
 * a JSON column. Column types are {@link ValueType}s; each destination maps them to its SQL types.
 * Built once per stream from its {@link RowSchema}; the same schema always gives the same layout.
 */
public record NormalizedLayout(TablePlan root) {
    public static final String AB_ID = "_airbyte_ab_id";
    public static final String EMITTED_AT = "_airbyte_emitted_at";
    public static final String NORMALIZED_AT = "_airbyte_normalized_at";

    public NormalizedLayout {
        requireNonNull(root, "root");
    }

    /** A column of a table with its value type and JSON schema (for destinations that refine types). */
    public record Column(String name, ValueType type, JsonNode schema) {
        public Column {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            requireNonNull(schema, "schema");
        }

        static Column metadata(String name, ValueType type) {
            return new Column(name, type, JsonSchemas.of(type));
        }
    }

    /**
     * One data column: its identifier, its type, and where its value lives. For the root table
     * {@code rowIndex} is the row position of the top-level field and {@code path} the keys below
     * it; for a child table {@code rowIndex} is -1 and {@code path} starts at the element.
     */
    public record ColumnPlan(String name, ValueType type, JsonNode schema, int rowIndex, List<String> path) {
        public ColumnPlan {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            requireNonNull(schema, "schema");
            path = List.copyOf(path);
        }
    }

    /** A child table fed by the array found at {@code rowIndex}/{@code path} of its parent's rows. */
    public record ChildPlan(int rowIndex, List<String> path, TablePlan table) {
        public ChildPlan {
            path = List.copyOf(path);
            requireNonNull(table, "table");
        }
    }

    /**
     * One table: data columns, then {@code _airbyte_ab_id}, {@code _airbyte_emitted_at},
     * {@code _airbyte_normalized_at} and its hash id column; a child table starts with its parent's
     * hash id column. Hash ids and ab ids are STRING, the two timestamps TIMESTAMP_TZ.
     */
    public record TablePlan(String name, Optional<String> parentHashIdColumn, List<ColumnPlan> columns,
            String hashIdColumn, List<ChildPlan> children) {
        public TablePlan {
            requireNonNull(name, "name");
            requireNonNull(parentHashIdColumn, "parentHashIdColumn");
            columns = List.copyOf(columns);
            requireNonNull(hashIdColumn, "hashIdColumn");
            children = List.copyOf(children);
        }

        /** Every column with its type, in table order (the order {@link RowSplitter} fills values in). */
        public List<Column> allColumns() {
            List<Column> all = new ArrayList<>();
            parentHashIdColumn.ifPresent(p -> all.add(Column.metadata(p, ValueType.STRING)));
            columns.forEach(c -> all.add(new Column(c.name(), c.type(), c.schema())));
            all.add(Column.metadata(AB_ID, ValueType.STRING));
            all.add(Column.metadata(EMITTED_AT, ValueType.TIMESTAMP_TZ));
            all.add(Column.metadata(NORMALIZED_AT, ValueType.TIMESTAMP_TZ));
            all.add(Column.metadata(hashIdColumn, ValueType.STRING));
            return all;
        }

        /** This table and all its descendants, parents before children. */
        public List<TablePlan> withDescendants() {
            List<TablePlan> all = new ArrayList<>();
            all.add(this);
            children.forEach(c -> all.addAll(c.table().withDescendants()));
            return all;
        }

        /** The column holding the field at {@code fieldPath} (top-level name, then nested keys). */
        public Optional<String> columnFor(List<String> fieldPath, RowSchema schema) {
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

    /**
     * The layout of a stream's rows with its root table named {@code tableName} (already an
     * identifier); child table names are allocated in {@code tables}, which must already hold
     * {@code tableName} and every other table of the schema, so that names never collide.
     */
    public static NormalizedLayout of(String tableName, RowSchema schema, TableNames names, UniqueNames tables) {
        return new NormalizedLayout(plan(tableName, Optional.empty(), schema, null, names, tables));
    }

    /** The layout of one stream alone in its schema. */
    public static NormalizedLayout of(String tableName, RowSchema schema, TableNames names) {
        UniqueNames tables = new UniqueNames(names);
        tables.reserve(tableName);
        return of(tableName, schema, names, tables);
    }

    private static TablePlan plan(String table, Optional<String> parentHashId, RowSchema rootSchema,
            JsonNode elementProperties, TableNames names, UniqueNames tables) {
        UniqueNames columnNames = new UniqueNames(names);
        List.of(AB_ID, EMITTED_AT, NORMALIZED_AT).forEach(columnNames::reserve);
        parentHashId.ifPresent(columnNames::reserve);
        String hashId = names.hashIdColumn(table);
        columnNames.reserve(hashId);
        List<ColumnPlan> columns = new ArrayList<>();
        List<ChildPlan> children = new ArrayList<>();
        Builder builder = new Builder(table, hashId, names, tables, columnNames, columns, children);
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

    private record Builder(String table, String hashId, TableNames names, UniqueNames tables,
            UniqueNames columnNames, List<ColumnPlan> columns, List<ChildPlan> children) {

        void field(int rowIndex, List<String> path, String flatName, JsonNode schema) {
            ValueType type = RowSchema.typeOf(schema);
            if (type == ValueType.OBJECT && schema.path("properties").size() > 0) {
                schema.path("properties").fields().forEachRemaining(p -> field(rowIndex,
                        append(path, p.getKey()), flatName + "_" + p.getKey(), p.getValue()));
            } else if (type == ValueType.ARRAY && isObjectItems(schema.path("items"))) {
                String childTable = tables.allocate(table + "_" + flatName);
                TablePlan child = plan(childTable, Optional.of(hashId), null,
                        schema.path("items").path("properties"), names, tables);
                children.add(new ChildPlan(rowIndex, path, child));
            } else {
                columns.add(new ColumnPlan(columnNames.allocate(flatName), type, schema, rowIndex, path));
            }
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
