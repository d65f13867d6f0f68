package io.sluice.connectors.duckdb;

import static java.util.Objects.requireNonNull;

/** Text that already is JSON (a raw record), stored in a JSON column as it is. */
record JsonDocument(String text) {
    JsonDocument {
        requireNonNull(text, "text");
    }
}
