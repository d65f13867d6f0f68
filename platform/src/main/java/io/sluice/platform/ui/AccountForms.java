package io.sluice.platform.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.platform.auth.Credentials;
import io.sluice.platform.store.SetupDao;
import io.sluice.platform.store.WorkspaceDao;
import io.sluice.platform.store.WorkspaceRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first-run wizard, sign-in, sign-out and change-password pages. Passwords are never echoed back. */
final class AccountForms {
    private static final Logger LOG = LoggerFactory.getLogger(AccountForms.class);

    private final Credentials credentials;
    private final WorkspaceDao workspaces;
    private final SetupDao setups;
    private final UiSessions sessions;
    private final UiPages pages;

    AccountForms(Credentials credentials, WorkspaceDao workspaces, SetupDao setups, UiSessions sessions,
            UiPages pages) {
        this.credentials = credentials;
        this.workspaces = workspaces;
        this.setups = setups;
        this.sessions = sessions;
        this.pages = pages;
    }

    void setupPage(Context ctx, UiSessions.Session session) {
        renderSetup(ctx, session, SetupForm.EMPTY, Map.of());
    }

    void setup(Context ctx, UiSessions.Session session) {
        SetupForm form = SetupForm.from(ctx);
        String password = orEmpty(ctx.formParam("password"));
        Map<String, String> errors = form.problems(password, orEmpty(ctx.formParam("confirmPassword")));
        if (errors.isEmpty()) {
            credentials.setPassword(password).ifPresent(problem -> errors.put("password", "The password " + problem + "."));
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderSetup(ctx, session, form, errors);
            return;
        }
        credentials.setEmail(form.adminEmail());
        Instant now = Instant.now();
        WorkspaceRow workspace = workspaces.list().get(0);
        workspaces.update(new WorkspaceRow(workspace.id(), workspace.name(), workspace.slug(),
                form.notificationEmail().isEmpty() ? null : form.notificationEmail(), true,
                workspace.namespaceDefinition(), workspace.namespaceFormat(), workspace.createdAt(), now));
        setups.insert(new SetupDao.SetupRow(workspace.id(), form.dataResidency(), form.anonymousUsageStats(), now));
        LOG.info("first-run setup done: the admin account and workspace settings are stored");
        sessions.signIn(ctx, form.adminEmail());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void signInPage(Context ctx, UiSessions.Session session) {
        String notice = ctx.queryParam("signed-out") != null ? "You have signed out." : null;
        renderSignIn(ctx, session, "", Map.of(), notice);
    }

    void signIn(Context ctx, UiSessions.Session session) {
        String email = SetupForm.text(ctx, "email");
        String password = orEmpty(ctx.formParam("password"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (email.isEmpty()) {
            errors.put("email", "Enter your email address.");
        }
        if (password.isEmpty()) {
            errors.put("password", "Enter your password.");
        } else if (errors.isEmpty() && !credentials.checkPassword(email, password)) {
            errors.put("password", "Wrong email or password.");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            renderSignIn(ctx, session, email, errors, null);
            return;
        }
        sessions.signIn(ctx, email);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx, UiSessions.Session session) {
        sessions.signOut(ctx);
        ctx.redirect("/sign-in?signed-out", HttpStatus.SEE_OTHER);
    }

    void passwordPage(Context ctx, UiSessions.Session session) {
        renderPassword(ctx, session, Map.of(), null);
    }

    void changePassword(Context ctx, UiSessions.Session session) {
        String current = orEmpty(ctx.formParam("currentPassword"));
        String next = orEmpty(ctx.formParam("newPassword"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!credentials.checkPassword(session.email().orElseThrow(), current)) {
            errors.put("currentPassword", "This is not your current password.");
        } else if (!next.equals(orEmpty(ctx.formParam("confirmPassword")))) {
            errors.put("confirmPassword", "The two new passwords differ.");
        } else {
            credentials.setPassword(next).ifPresent(problem -> errors.put("newPassword", "The password " + problem + "."));
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        renderPassword(ctx, session, errors, errors.isEmpty() ? "Your password has been changed." : null);
    }

    private void renderSetup(Context ctx, UiSessions.Session session, SetupForm form, Map<String, String> errors) {
        pages.render(ctx, "setup", Map.of("csrf", session.csrf(), "form", form, "errors", errors));
    }

    private void renderSignIn(Context ctx, UiSessions.Session session, String email, Map<String, String> errors,
            String notice) {
        Map<String, Object> params = new HashMap<>(Map.of("csrf", session.csrf(), "email", email, "errors", errors));
        params.put("notice", notice);
        pages.render(ctx, "signin", params);
    }

    private void renderPassword(Context ctx, UiSessions.Session session, Map<String, String> errors, String notice) {
        Map<String, Object> params = new HashMap<>(Map.of("csrf", session.csrf(), "errors", errors));
        params.put("notice", notice);
        pages.render(ctx, "password", params);
    }

    private static String orEmpty(String value) {
        return Optional.ofNullable(value).orElse("");
    }
}
