package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.cdk.ConfigError;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /settings/notifications}: where alerts go and which events send them, saved as the
 * workspace's {@code notificationSettings}; and {@code /settings/notifications/test}, which sends a
 * test message to the form's URLs with {@code notifications/try}. Asked by htmx (the
 * {@code HX-Request} header) the test answers only its result; a plain form post gets the page.
 */
final class NotificationsPage {
    private final Routes api;
    private final CurrentWorkspace workspace;
    private final SettingsPages settings;

    NotificationsPage(Routes api, CurrentWorkspace workspace, SettingsPages settings) {
        this.api = api;
        this.workspace = workspace;
        this.settings = settings;
    }

    void register(UiRoutes routes) {
        routes.get("/settings/notifications", this::show);
        routes.post("/settings/notifications", this::save);
        routes.post("/settings/notifications/test", this::test);
    }

    private void show(Context ctx, UiSessions.Session session) {
        String notice = ctx.queryParam("saved") != null ? "The notification settings are saved." : null;
        render(ctx, session, NotificationsForm.of(workspace.read().path("notificationSettings")), Map.of(), notice,
                null);
    }

    private void save(Context ctx, UiSessions.Session session) {
        NotificationsForm form = NotificationsForm.from(ctx);
        Map<String, String> errors = form.problems();
        if (errors.isEmpty()) {
            try {
                JsonNode stored = workspace.read().path("notificationSettings");
                workspace.update(ApiJson.MAPPER.createObjectNode()
                        .set("notificationSettings", form.settings(stored)));
                ctx.redirect("/settings/notifications?saved", HttpStatus.SEE_OTHER);
                return;
            } catch (ApiException.InvalidInput invalid) {
                errors = FormErrors.of(invalid, NotificationsForm::inputOf);
            }
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, session, form, errors, null, null);
    }

    private void test(Context ctx, UiSessions.Session session) {
        NotificationsForm form = NotificationsForm.from(ctx);
        TestNotificationResult result = send(form);
        if ("true".equals(ctx.header("HX-Request"))) {
            settings.render(ctx, session, "test-result", null, Map.of("result", result));
        } else {
            render(ctx, session, form, Map.of(), null, result);
        }
    }

    private TestNotificationResult send(NotificationsForm form) {
        if (form.types().isEmpty()) {
            return new TestNotificationResult(false, "Enter a Slack webhook URL or a webhook URL to test first.");
        }
        try {
            JsonNode answer = api.call("notifications/try", form.testItem());
            boolean sent = answer.path("status").asText().equals("succeeded");
            return new TestNotificationResult(sent, sent ? "sent" : "Not sent: " + answer.path("message").asText() + ".");
        } catch (ApiException.InvalidInput invalid) {
            return new TestNotificationResult(false, "Not sent: " + invalid.errors().stream().map(NotificationsPage::describe)
                    .collect(Collectors.joining("; ")) + ".");
        }
    }

    private static String describe(ConfigError error) {
        String input = NotificationsForm.inputOf(error.field());
        String label = input == null ? error.field() : input.equals("slackWebhook") ? "the Slack webhook URL"
                : "the webhook URL";
        return label + " " + error.problem();
    }

    private void render(Context ctx, UiSessions.Session session, NotificationsForm form, Map<String, String> errors,
            String notice, TestNotificationResult result) {
        Map<String, Object> params = new HashMap<>(Map.of("form", form, "errors", errors));
        params.put("result", result);
        settings.render(ctx, session, "notifications", notice, params);
    }
}
