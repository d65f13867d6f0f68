package io.sluice.platform.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.platform.api.ApiException;
import java.util.Map;

/**
 * {@code /settings/resources}: the workspace's {@code defaultResourceRequirements} and
 * {@code engineMemoryBudget}, saved with {@code workspaces/update}; a bad quantity changes nothing
 * and shows beside its input.
 */
final class ResourceDefaultsPage {
    private final CurrentWorkspace workspace;
    private final SettingsPages settings;

    ResourceDefaultsPage(CurrentWorkspace workspace, SettingsPages settings) {
        this.workspace = workspace;
        this.settings = settings;
    }

    void register(UiRoutes routes) {
        routes.get("/settings/resources", this::show);
        routes.post("/settings/resources", this::save);
    }

    private void show(Context ctx, UiSessions.Session session) {
        String notice = ctx.queryParam("saved") != null ? "The resource defaults are saved." : null;
        settings.render(ctx, session, "resources", notice,
                Map.of("form", ResourceDefaultsForm.of(workspace.read()), "errors", Map.of()));
    }

    private void save(Context ctx, UiSessions.Session session) {
        ResourceDefaultsForm form = ResourceDefaultsForm.from(ctx);
        try {
            workspace.update(form.changes());
            ctx.redirect("/settings/resources?saved", HttpStatus.SEE_OTHER);
        } catch (ApiException.InvalidInput invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            settings.render(ctx, session, "resources", null,
                    Map.of("form", form, "errors", FormErrors.of(invalid, ResourceDefaultsForm::inputOf)));
        }
    }
}
