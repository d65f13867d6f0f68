package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /connections/{id}/settings}: the stream table and settings of an existing connection,
 * saved with {@code connections/update}; "Refresh source schema" posts the same form to
 * {@code /settings/refresh}, which lists the streams the source offers now and keeps the choices
 * made for those that still exist (new ones come unselected), without saving.
 */
final class ConnectionSettingsPage {
    private final Routes api;
    private final UiPages pages;
    private final ConnectionEditors editors;

    ConnectionSettingsPage(Routes api, UiPages pages, ConnectionEditors editors) {
        this.api = api;
        this.pages = pages;
        this.editors = editors;
    }

    void show(Context ctx, UiSessions.Session session) {
        Optional<String> notice = ctx.queryParam("saved") != null
                ? Optional.of("The connection's settings are saved.") : Optional.empty();
        render(ctx, session, editors.forSettings(ctx.pathParam("id"), Optional.empty(), false,
                ConnectionFormErrors.NONE, notice));
    }

    void save(Context ctx, UiSessions.Session session) {
        String id = ctx.pathParam("id");
        Map<String, List<String>> posted = ctx.formParamMap();
        ConnectionForm form = ConnectionForm.from(posted);
        List<StreamChoice> choices = StreamChoices.parse(posted);
        ObjectNode body = ApiJson.MAPPER.createObjectNode().put("connectionId", id);
        form.writeTo(body);
        body.set("syncCatalog", StreamChoices.syncCatalog(choices));
        try {
            api.call("connections/update", body);
            ctx.redirect("/connections/" + id + "/settings?saved", HttpStatus.SEE_OTHER);
        } catch (ApiException.InvalidInput e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, session, editors.forSettings(id, Optional.of(new ConnectionEditors.Posted(form, choices)),
                    false, ConnectionFormErrors.of(e.errors(), choices), Optional.empty()));
        } catch (ApiException.NotFound | ApiException.Conflict e) {
            render(ctx, session, Optional.empty());
        }
    }

    void refresh(Context ctx, UiSessions.Session session) {
        Map<String, List<String>> posted = ctx.formParamMap();
        var choices = new ConnectionEditors.Posted(ConnectionForm.from(posted), StreamChoices.parse(posted));
        render(ctx, session, editors.forSettings(ctx.pathParam("id"), Optional.of(choices), true,
                ConnectionFormErrors.NONE, Optional.of("The source's streams were listed again; new streams are"
                        + " marked and unselected. Save to keep the changes.")));
    }

    private void render(Context ctx, UiSessions.Session session, Optional<ConnectionEditor> editor) {
        if (editor.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            pages.render(ctx, "connections/missing", Map.of("csrf", session.csrf()));
            return;
        }
        pages.render(ctx, "connections/editor", Map.of("csrf", session.csrf(), "editor", editor.get()));
    }
}
