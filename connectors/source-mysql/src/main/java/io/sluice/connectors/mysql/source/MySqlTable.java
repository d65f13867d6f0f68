package io.sluice.connectors.mysql.source;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A table or view as information_schema describes it.
 *
 * @param database the database (Airbyte's namespace)
 * @param view whether it is a view
 * @param primaryKey the primary key's columns in key order; empty when there is none
 */
record MySqlTable(String database, String name, boolean view, List<MySqlColumn> columns, List<String> primaryKey) {

    MySqlTable {
        requireNonNull(database, "database");
        requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** One column and its type. */
    record MySqlColumn(String name, MySqlType type) {
        MySqlColumn {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
        }
    }

    Optional<MySqlColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** {@code `database`.`name`}, quoted. */
    String qualifiedName() {
        return quote(database) + "." + quote(name);
    }

    static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }
}
