package io.sluice.platform.ui;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.sluice.platform.api.Routes;
import io.sluice.platform.auth.Credentials;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.SetupDao;
import io.sluice.platform.store.WorkspaceDao;
import io.sluice.platform.store.WorkspaceRow;
import java.security.MessageDigest;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The web UI on the UI port: pages, their access rules and the static assets under {@code /assets}
 * (the CSS, and htmx and Alpine.js from their webjars). Until the first-run setup is done every page
 * leads to {@code /setup}; after it every page but {@code /sign-in} needs a signed-in session, and
 * every POST needs the session's CSRF token.
 */
public final class WebUi {
    private final UiSessions sessions = new UiSessions();
    private final UiPages pages = new UiPages();
    private final WorkspaceDao workspaces;
    private final ConnectionDao connections;
    private final JobDao jobs;
    private final AccountForms account;
    private final Credentials credentials;
    private final AtomicBoolean setupDone = new AtomicBoolean();

    private final Routes api;

    /** {@code api} is the Config API's route table: the pages read and change things through its calls. */
    public WebUi(Credentials credentials, WorkspaceDao workspaces, SetupDao setups,
            ConnectionDao connections, JobDao jobs, Routes api) {
        this.api = api;
        this.credentials = credentials;
        this.workspaces = workspaces;
        this.connections = connections;
        this.jobs = jobs;
        this.account = new AccountForms(credentials, workspaces, setups, sessions, pages);
    }

    /** What a handler needs to know about the request besides the context. */
    enum Access { SETUP, SIGN_IN, SIGNED_IN }

    /** Adds the UI's pages and assets to a Javalin configuration. */
    public void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/META-INF/resources/webjars";
            files.location = Location.CLASSPATH;
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/ui";
            files.location = Location.CLASSPATH;
        });
        var routes = config.routes;
        routes.get("/setup", page(Access.SETUP, account::setupPage));
        routes.post("/setup", page(Access.SETUP, account::setup));
        routes.get("/sign-in", page(Access.SIGN_IN, account::signInPage));
        routes.post("/sign-in", page(Access.SIGN_IN, account::signIn));
        routes.post("/sign-out", page(Access.SIGNED_IN, account::signOut));
        routes.get("/account/password", page(Access.SIGNED_IN, account::passwordPage));
        routes.post("/account/password", page(Access.SIGNED_IN, account::changePassword));
        UiRoutes signedIn = new UiRoutes(routes, handler -> page(Access.SIGNED_IN, handler));
        for (UiArea area : areas()) {
            area.register(signedIn);
        }
    }

    /**
     * The UI's parts beyond the account pages. Javalin answers a path with the first route that
     * matches it, so pages with fixed paths ({@code /connections/new}) come before the connection
     * pages' {@code /connections/{id}}, which come last.
     */
    private List<UiArea> areas() {
        return List.of(new DashboardPage(api, pages, Clock.systemUTC()), new SettingsPages(api, pages),
                new ActorPages(ActorType.SOURCE, api, pages), new ActorPages(ActorType.DESTINATION, api, pages),
                new ConnectionPages(api, pages),
                new ConnectionStatusPages(api, pages), new JobLogPages(api, pages, jobs),
                new TransformationPages(api, pages));
    }

    /** A page handler that gets the request's session once the access rules let it through. */
    public interface PageHandler {
        void handle(Context ctx, UiSessions.Session session) throws Exception;
    }

    private Handler page(Access access, PageHandler handler) {
        return ctx -> {
            boolean setupDone = setupDone();
            UiSessions.Session session = sessions.findOrStart(ctx);
            if (!setupDone && access != Access.SETUP) {
                ctx.redirect("/setup", HttpStatus.SEE_OTHER);
                return;
            }
            if (setupDone && access == Access.SETUP) {
                ctx.redirect(session.signedIn() ? "/" : "/sign-in", HttpStatus.SEE_OTHER);
                return;
            }
            if (access == Access.SIGNED_IN && !session.signedIn()) {
                ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
                return;
            }
            if (access == Access.SIGN_IN && session.signedIn() && ctx.method().name().equals("GET")) {
                ctx.redirect("/", HttpStatus.SEE_OTHER);
                return;
            }
            if (ctx.method().name().equals("POST") && !csrfMatches(ctx, session)) {
                ctx.status(HttpStatus.FORBIDDEN);
                pages.render(ctx, "forbidden", Map.of("message",
                        "The form was not sent from this session (its security token is missing or old)."
                                + " Open the page again and send the form from there."));
                return;
            }
            handler.handle(ctx, session);
        };
    }

    private static boolean csrfMatches(Context ctx, UiSessions.Session session) {
        String sent = ctx.formParam("_csrf");
        if (sent == null) {
            sent = ctx.header("X-CSRF-Token");
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Setup is done once the wizard ran, or once the admin password is no longer the default one
     * (set by SLUICE_ADMIN_PASSWORD or the API): then nobody may claim the admin account through it.
     */
    private boolean setupDone() {
        if (!setupDone.get() && (workspaces.list().stream().findFirst().map(WorkspaceRow::initialSetupComplete)
                .orElse(false) || !credentials.defaultPassword())) {
            setupDone.set(true);
        }
        return setupDone.get();
    }
}
