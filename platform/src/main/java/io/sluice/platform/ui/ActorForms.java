package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.cdk.ConfigError;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import io.sluice.platform.ui.ActorViews.Check;
import io.sluice.platform.ui.ActorViews.Form;
import io.sluice.platform.ui.ActorViews.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The new and edit forms of a source or destination, generated from its connector's spec, and
 * Test connection. The new form posts to {@code sources/create}, the edit form to
 * {@code sources/update}; a secret left empty on the edit form keeps its stored value (the form
 * sends the API's mask for it). Test connection checks the form's current values without storing
 * them: {@code scheduler/sources/check_connection} on the new form,
 * {@code sources/check_connection_for_update} on the edit form.
 */
final class ActorForms {
    private final ActorSide side;
    private final Routes api;
    private final UiPages pages;

    ActorForms(ActorSide side, Routes api, UiPages pages) {
        this.side = side;
        this.api = api;
        this.pages = pages;
    }

    /** A connector's spec and what the form says about it. */
    record Connector(UUID definitionId, String name, Optional<String> documentationUrl, SpecForm form) {}

    void newForm(Context ctx, UiSessions.Session session, Connector connector) {
        SpecForm form = connector.form();
        render(ctx, session, connector, "", new SpecFormView(form, form.defaults(), Map.of(), false), List.of(),
                Optional.empty(), Optional.empty());
    }

    void create(Context ctx, UiSessions.Session session, Connector connector) {
        SpecForm form = connector.form();
        ObjectNode config = new SpecFormValues(form).config(ctx.formParamMap(), ApiJson.MAPPER.createObjectNode());
        String name = SetupForm.text(ctx, "name");
        ObjectNode body = ApiJson.MAPPER.createObjectNode().put(side.definitionIdField(),
                connector.definitionId().toString()).put("workspaceId", workspaceId()).put("name", name);
        body.set("connectionConfiguration", config);
        try {
            JsonNode created = api.call(side.call("create"), body);
            ctx.redirect(side.path() + "/" + created.path(side.idField()).asText() + "?created", HttpStatus.SEE_OTHER);
        } catch (ApiException.InvalidInput e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, session, connector, name, new SpecFormView(form, config,
                    ActorPages.fieldErrors(e.errors()), false), problems(e.errors()), Optional.empty(), Optional.empty());
        }
    }

    void edit(Context ctx, UiSessions.Session session, JsonNode actor, Connector connector) {
        String notice = ctx.queryParam("created") != null ? "The " + side.wire() + " has been created."
                : ctx.queryParam("saved") != null ? "Your changes have been saved." : null;
        render(ctx, session, connector, actor.path("name").asText(), new SpecFormView(connector.form(),
                actor.path("connectionConfiguration"), Map.of(), true), List.of(), Optional.ofNullable(notice),
                Optional.of(actor.path(side.idField()).asText()));
    }

    void update(Context ctx, UiSessions.Session session, JsonNode actor, Connector connector) {
        String id = actor.path(side.idField()).asText();
        ObjectNode config = posted(ctx, connector.form(), actor);
        String name = SetupForm.text(ctx, "name");
        List<ConfigError> errors = List.of();
        if (name.isEmpty()) {
            errors = List.of(new ConfigError("name", "is required"));
        } else {
            ObjectNode body = ApiJson.MAPPER.createObjectNode().put(side.idField(), id).put("name", name);
            body.set("connectionConfiguration", config);
            try {
                api.call(side.call("update"), body);
                ctx.redirect(side.path() + "/" + id + "?saved", HttpStatus.SEE_OTHER);
                return;
            } catch (ApiException.InvalidInput e) {
                errors = e.errors();
            }
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, session, connector, name, new SpecFormView(connector.form(), config,
                ActorPages.fieldErrors(errors), true), problems(errors), Optional.empty(), Optional.of(id));
    }

    /** Test connection on the new form: the fragment shown beside it. */
    void checkNew(Context ctx, Connector connector) {
        ObjectNode body = ApiJson.MAPPER.createObjectNode()
                .put(side.definitionIdField(), connector.definitionId().toString())
                .put("workspaceId", workspaceId());
        body.set("connectionConfiguration", new SpecFormValues(connector.form())
                .config(ctx.formParamMap(), ApiJson.MAPPER.createObjectNode()));
        renderCheck(ctx, check("scheduler/" + side.call("check_connection"), body));
    }

    /** Test connection on the edit form, with the form's current values (empty secrets: the stored ones). */
    void checkExisting(Context ctx, JsonNode actor, Connector connector) {
        ObjectNode body = ApiJson.MAPPER.createObjectNode().put(side.idField(), actor.path(side.idField()).asText());
        body.set("connectionConfiguration", posted(ctx, connector.form(), actor));
        renderCheck(ctx, check(side.call("check_connection_for_update"), body));
    }

    private Check check(String call, ObjectNode body) {
        try {
            JsonNode result = api.call(call, body);
            boolean succeeded = result.path("status").asText().equals("succeeded");
            return new Check(succeeded, result.path("message").asText(succeeded ? "" : "The check failed."), List.of());
        } catch (ApiException.InvalidInput e) {
            return new Check(false, "", problems(e.errors()));
        }
    }

    /**
     * The posted config of a stored source or destination: the stored one with each property the form
     * shows replaced by the form's value (or removed when left empty); properties the spec does not
     * declare stay as stored.
     */
    private static ObjectNode posted(Context ctx, SpecForm form, JsonNode actor) {
        JsonNode stored = actor.path("connectionConfiguration");
        ObjectNode fromForm = new SpecFormValues(form).config(ctx.formParamMap(), stored);
        ObjectNode config = stored.isObject() ? ((ObjectNode) stored).deepCopy() : ApiJson.MAPPER.createObjectNode();
        for (SpecField field : form.fields()) {
            String property = field.path().get(0);
            if (fromForm.has(property)) {
                config.set(property, fromForm.get(property));
            } else {
                config.remove(property);
            }
        }
        return config;
    }

    private static List<Problem> problems(List<ConfigError> errors) {
        return errors.stream().map(e -> new Problem(e.field().replaceFirst("^connectionConfiguration\\.?", ""),
                e.problem())).toList();
    }

    /** The connector of a definition id, if there is one on this side. */
    Optional<Connector> connector(UUID definitionId) {
        try {
            JsonNode spec = api.call(side.wire() + "_definition_specifications/get",
                    ApiJson.MAPPER.createObjectNode().put(side.definitionIdField(), definitionId.toString()));
            JsonNode definition = api.call(side.definitionCall("get"),
                    ApiJson.MAPPER.createObjectNode().put(side.definitionIdField(), definitionId.toString()));
            return Optional.of(new Connector(definitionId, definition.path("name").asText(),
                    Optional.ofNullable(spec.get("documentationUrl")).map(JsonNode::asText),
                    SpecForm.of(spec.path("connectionSpecification"))));
        } catch (ApiException.NotFound e) {
            return Optional.empty();
        }
    }

    /** The connector of a stored source or destination (as {@code sources/get} reads it), if it is still installed. */
    Optional<Connector> connectorOf(JsonNode actor) {
        try {
            return connector(UUID.fromString(actor.path(side.definitionIdField()).asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void render(Context ctx, UiSessions.Session session, Connector connector, String name, SpecFormView view,
            List<Problem> problems, Optional<String> notice, Optional<String> actorId) {
        String action = actorId.map(id -> side.path() + "/" + id)
                .orElse(side.path() + "/new/" + connector.definitionId());
        String title = actorId.isPresent() ? name : "New " + side.wire() + ": " + connector.name();
        pages.render(ctx, "actors/form", Map.of("page", new Form(side, session.csrf(), title, connector.name(),
                connector.documentationUrl(), name, view, problems, notice, actorId, action, action + "/check")));
    }

    /** The fragment Test connection shows when the connector or the stored source is gone. */
    void checkGone(Context ctx, UiSessions.Session session) {
        renderCheck(ctx, new Check(false, "this " + side.wire() + " or its connector no longer exists.", List.of()));
    }

    /** Always 200: htmx swaps only successful responses in, and a failed check is an answer too. */
    private void renderCheck(Context ctx, Check check) {
        pages.render(ctx, "actors/check", Map.of("check", check));
    }

    void notFound(Context ctx, UiSessions.Session session) {
        ctx.status(HttpStatus.NOT_FOUND);
        pages.render(ctx, "actors/missing", Map.of("csrf", session.csrf(), "side", side));
    }

    /** The workspace the UI works in: the first (the installation's default workspace). */
    String workspaceId() {
        return api.call("workspaces/list", null).path("workspaces").get(0).path("workspaceId").asText();
    }
}
