package io.sluice.connectors.postgres.destination;

import static java.util.Objects.requireNonNull;

/** A column as Sluice creates or finds it. */
record PgColumn(String name, PgType type) {
    PgColumn {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }
}
