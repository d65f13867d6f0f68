package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One stream of a manifest ({@code DeclarativeStream}), built: its name, primary key, retriever,
 * schema (when the manifest gives one), incremental cursor and partition router.
 */
record DeclarativeStream(String name, List<List<String>> primaryKey, SimpleRetriever retriever,
        Optional<ObjectNode> schema, Optional<DatetimeCursor> cursor, Optional<PartitionRouter> router) {

    DeclarativeStream {
        requireNonNull(name, "name");
        primaryKey = primaryKey.stream().map(List::copyOf).toList();
        requireNonNull(retriever, "retriever");
    }
}
