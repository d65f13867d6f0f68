package io.sluice.platform.ui;

import java.util.List;
import java.util.Optional;

/**
 * What the stream table and settings form ({@code connections/editor.jte}) show, for a new
 * connection or an existing one's settings page.
 *
 * @param connectionId empty for a new connection
 * @param action where the form posts
 * @param discoveryProblem why the source's streams could not be listed, if they could not
 */
public record ConnectionEditor(Optional<String> connectionId, String action, String sourceId, String sourceName,
        String destinationId, String destinationName, ConnectionForm form, List<StreamRow> rows,
        ConnectionFormErrors errors, Normalization normalization, Optional<String> discoveryProblem,
        Optional<String> notice) {

    public boolean isNew() {
        return connectionId.isEmpty();
    }

    /** Whether every stream is selected (the select-all box starts ticked then). */
    public boolean allSelected() {
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.choice().selected());
    }

    /** {@code aria-invalid} of a settings field: "true" when the API refused it, else null (no attribute). */
    public String invalid(String field) {
        return errors.fields().containsKey(field) ? "true" : null;
    }

    /** {@code aria-describedby} of a settings field: its error's id when there is one, else null. */
    public String describedBy(String field) {
        return errors.fields().containsKey(field) ? field + "-error" : null;
    }

    /**
     * How the destination normalizes: in Sluice that is the destination's own {@code normalization}
     * setting ({@code basic} / {@code none}), not a connection operation.
     *
     * @param configurable whether the destination's spec has a {@code normalization} setting
     */
    public record Normalization(boolean configurable, boolean on) {}
}
