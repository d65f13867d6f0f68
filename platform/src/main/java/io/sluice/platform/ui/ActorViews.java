package io.sluice.platform.ui;

import java.util.List;
import java.util.Optional;

/** What the sources and destinations pages show, one record per page or row. */
public final class ActorViews {
    private ActorViews() {}

    /** A row of the list: a configured source or destination. */
    public record Row(String id, String name, String connector) {}

    /** A connector of the catalogue. */
    public record Connector(String definitionId, String name, String image, boolean custom) {
        /** {@code connector-source-faker} */
        public String elementId() {
            return "connector-" + SpecForm.idSafe(name);
        }
    }

    /** A connection that uses the source or destination about to be deleted. */
    public record Link(String id, String name) {}

    /** A problem for the form's summary: the field as the API named it, and what is wrong. */
    public record Problem(String field, String problem) {
        public String text() {
            return field.isEmpty() ? problem : field + " " + problem;
        }
    }

    /**
     * The new or edit form.
     *
     * @param actorId the stored source's or destination's id; empty on the new form
     * @param action where the form posts; {@code checkAction} where Test connection posts
     */
    public record Form(ActorSide side, String csrf, String title, String connector, Optional<String> documentationUrl,
            String name, SpecFormView view, List<Problem> problems, Optional<String> notice, Optional<String> actorId,
            String action, String checkAction) {
        public boolean editing() {
            return actorId.isPresent();
        }

        public String nameError() {
            return view.errors().get("name");
        }
    }

    /** The result of Test connection, shown beside the form. */
    public record Check(boolean succeeded, String message, List<Problem> problems) {}
}
