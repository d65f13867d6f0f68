package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings ({@code /settings}): an overview of each section and the sections' own pages, each
 * with its form: the workspace's name and namespace defaults, notifications, resource defaults and
 * API tokens. Everything is read and changed through the Config API's calls.
 */
final class SettingsPages implements UiArea {
    private final Routes api;
    private final UiPages pages;
    private final CurrentWorkspace workspace;

    SettingsPages(Routes api, UiPages pages) {
        this.api = api;
        this.pages = pages;
        this.workspace = new CurrentWorkspace(api);
    }

    @Override
    public void register(UiRoutes routes) {
        routes.get("/settings", this::overview);
        new WorkspacePage(workspace, this).register(routes);
        new NotificationsPage(api, workspace, this).register(routes);
        new ResourceDefaultsPage(workspace, this).register(routes);
        new ApiTokensPage(api, this).register(routes);
    }

    private void overview(Context ctx, UiSessions.Session session) {
        JsonNode read = workspace.read();
        NotificationsForm notifications = NotificationsForm.of(read.path("notificationSettings"));
        ResourceDefaultsForm resources = ResourceDefaultsForm.of(read);
        int tokens = api.call("api_tokens/list", ApiJson.MAPPER.createObjectNode()).path("apiTokens").size();
        render(ctx, session, "overview", null, Map.of("workspace", WorkspaceForm.of(read),
                "notifications", notifications.summary(), "resources", resources.summary(), "tokens", tokens));
    }

    /**
     * Renders {@code settings/<section>} with the layout's parameters and the section's own.
     *
     * @param notice what the page says happened (saved, revoked, ...), or {@code null}
     */
    void render(Context ctx, UiSessions.Session session, String section, String notice, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("csrf", session.csrf());
        all.putIfAbsent("errors", Map.of());
        all.put("notice", notice);
        pages.render(ctx, "settings/" + section, all);
    }
}
