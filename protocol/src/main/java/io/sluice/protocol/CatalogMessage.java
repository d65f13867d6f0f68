package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

/** A CATALOG: the source's answer to {@code discover}. */
public record CatalogMessage(Catalog catalog) implements Message {
    public CatalogMessage {
        requireNonNull(catalog, "catalog");
    }
}
