package io.sluice.platform.operations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An operation as a connection carries it: its name and its stored {@code operatorConfiguration},
 * read into an {@link Operation} only when it runs (so a stored operation that no longer reads
 * fails its sync's operations step with the field at fault, not the sync).
 */
public record ConnectionOperation(String name, JsonNode operatorConfiguration) {
    public ConnectionOperation {
        requireNonNull(name, "name");
        requireNonNull(operatorConfiguration, "operatorConfiguration");
    }
}
