package io.sluice.platform.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.platform.api.ApiException;
import java.util.Map;
import java.util.Set;

/** {@code /settings/workspace}: the workspace's name and namespace defaults, saved with {@code workspaces/update}. */
final class WorkspacePage {
    private static final Set<String> INPUTS = Set.of("name", "namespaceDefinition", "namespaceFormat");

    private final CurrentWorkspace workspace;
    private final SettingsPages settings;

    WorkspacePage(CurrentWorkspace workspace, SettingsPages settings) {
        this.workspace = workspace;
        this.settings = settings;
    }

    void register(UiRoutes routes) {
        routes.get("/settings/workspace", this::show);
        routes.post("/settings/workspace", this::save);
    }

    private void show(Context ctx, UiSessions.Session session) {
        String notice = ctx.queryParam("saved") != null ? "The workspace settings are saved." : null;
        render(ctx, session, WorkspaceForm.of(workspace.read()), Map.of(), notice);
    }

    private void save(Context ctx, UiSessions.Session session) {
        WorkspaceForm form = WorkspaceForm.from(ctx);
        Map<String, String> errors = form.problems();
        if (errors.isEmpty()) {
            try {
                workspace.update(form.changes());
                ctx.redirect("/settings/workspace?saved", HttpStatus.SEE_OTHER);
                return;
            } catch (ApiException.InvalidInput invalid) {
                errors = FormErrors.of(invalid, field -> INPUTS.contains(field) ? field : null);
            }
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, session, form, errors, null);
    }

    private void render(Context ctx, UiSessions.Session session, WorkspaceForm form, Map<String, String> errors,
            String notice) {
        settings.render(ctx, session, "workspace", notice, Map.of("form", form, "errors", errors));
    }
}
