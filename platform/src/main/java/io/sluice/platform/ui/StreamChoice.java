package io.sluice.platform.ui;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the user chose for one stream in the stream table.
 *
 * @param namespace the stream's namespace, empty when it has none
 * @param cursorField the chosen top-level cursor field, empty for none (a source-defined cursor is not chosen)
 * @param primaryKey the chosen top-level key fields, empty for none (a source-defined key is not chosen)
 */
public record StreamChoice(String name, String namespace, boolean selected, SyncModeOption mode, String cursorField,
        List<String> primaryKey) {
    public StreamChoice {
        requireNonNull(name, "name");
        requireNonNull(namespace, "namespace");
        requireNonNull(mode, "mode");
        requireNonNull(cursorField, "cursorField");
        primaryKey = List.copyOf(primaryKey);
    }

    /** Names the stream within a catalog: {@code namespace.name}, or the name alone. */
    public String key() {
        return namespace.isEmpty() ? name : namespace + "." + name;
    }

    public StreamChoice withSelected(boolean value) {
        return new StreamChoice(name, namespace, value, mode, cursorField, primaryKey);
    }
}
