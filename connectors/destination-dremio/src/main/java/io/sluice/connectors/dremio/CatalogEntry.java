package io.sluice.connectors.dremio;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What Dremio's catalog says about a path.
 *
 * @param entityType {@code source}, {@code space}, {@code home}, {@code folder}, {@code dataset} or {@code file}
 * @param id the catalog id: a UUID, or {@code dremio:/...} for a folder of a source that is not a table yet
 */
record CatalogEntry(String entityType, String id, List<String> path) {
    CatalogEntry {
        requireNonNull(entityType, "entityType");
        requireNonNull(id, "id");
        path = List.copyOf(path);
    }

    boolean isDataset() {
        return entityType.equals("dataset");
    }

    boolean isFolder() {
        return entityType.equals("folder");
    }

    /** A source or a space: somewhere tables and views can live. */
    boolean isContainer() {
        return entityType.equals("source") || entityType.equals("space") || entityType.equals("home");
    }
}
