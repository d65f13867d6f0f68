package io.sluice.cdk.normalization;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;

/**
 * The identifiers taken in one scope (the columns of a table, the tables of a schema). A wanted
 * name that is already taken gets {@code _1}, {@code _2}, ... appended (before truncation), so the
 * result depends only on the order in which names are asked for. Not thread-safe.
 */
public final class UniqueNames {
    private final TableNames names;
    private final Set<String> taken = new HashSet<>();

    public UniqueNames(TableNames names) {
        this.names = requireNonNull(names, "names");
    }

    /** Marks identifiers as taken without allocating them (reserved metadata columns). */
    public void reserve(String identifier) {
        taken.add(identifier);
    }

    /** Whether an identifier is taken. */
    public boolean isTaken(String identifier) {
        return taken.contains(identifier);
    }

    /** The identifier for {@code wanted}, unique in this scope, and marks it taken. */
    public String allocate(String wanted) {
        String name = names.identifier(wanted);
        for (int n = 1; !taken.add(name); n++) {
            name = names.identifier(wanted + "_" + n);
        }
        return name;
    }
}
