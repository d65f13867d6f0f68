package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import io.sluice.platform.store.SetupDao;
import io.sluice.platform.store.WorkspaceDao;
import io.sluice.platform.store.WorkspaceRow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The web UI's redirects, sessions and CSRF checks over plain HTTP, in order: before, during and after setup. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiHttpIT {
    static final String EMAIL = "admin@example.org";
    static final String PASSWORD = "correct horse 1";

    SluiceServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void beforeSetupEveryPageLeadsToTheWizard() {
        UiBrowser browser = new UiBrowser(server.uiPort());
        for (String path : new String[] {"/", "/sign-in", "/connections", "/account/password"}) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(UiBrowser.location(response)).as(path).isEqualTo("/setup");
        }
        HttpResponse<String> setup = browser.get("/setup");
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.body()).contains("Sluice never sends telemetry anywhere", "<label for=\"adminEmail\">");
        assertThat(new UiBrowser(server.uiPort()).get("/setup").headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("sluice_session=")
                        .contains("HttpOnly", "SameSite=Lax"));
        assertThat(browser.get("/assets/sluice.css").statusCode()).isEqualTo(200);
        assertThat(browser.get("/assets/htmx.org/2.0.8/dist/htmx.min.js").body()).contains("htmx");
        assertThat(browser.get("/assets/alpinejs/3.14.8/dist/cdn.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void setupWithoutTheCsrfTokenIsRefused() {
        UiBrowser browser = new UiBrowser(server.uiPort());
        browser.csrf("/setup");
        HttpResponse<String> response = browser.post("/setup", setupForm("", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        HttpResponse<String> forged = browser.post("/setup", withCsrf(setupForm("", PASSWORD), "forged-token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(UiBrowser.location(browser.get("/"))).isEqualTo("/setup");
    }

    @Test
    @Order(3)
    void setupShowsEachProblemBesideItsField() {
        UiBrowser browser = new UiBrowser(server.uiPort());
        String csrf = browser.csrf("/setup");
        Map<String, String> form = withCsrf(setupForm("not-an-email", "short"), csrf);
        HttpResponse<String> response = browser.post("/setup", form);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"adminEmail-error\"", "id=\"password-error\"")
                .contains("value=\"not-an-email\"").doesNotContain("short\"");
        form.put("adminEmail", EMAIL);
        form.put("password", PASSWORD);
        form.put("confirmPassword", PASSWORD + "x");
        assertThat(browser.post("/setup", form).body()).contains("id=\"confirmPassword-error\"");
        assertThat(UiBrowser.location(browser.get("/"))).isEqualTo("/setup");
    }

    @Test
    @Order(4)
    void setupStoresTheAnswersAndSignsIn() {
        UiBrowser browser = new UiBrowser(server.uiPort());
        String csrf = browser.csrf("/setup");
        HttpResponse<String> done = browser.post("/setup", withCsrf(setupForm(EMAIL, PASSWORD), csrf));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(UiBrowser.location(done)).isEqualTo("/");
        HttpResponse<String> dashboard = browser.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Sample data", "never synced");

        WorkspaceRow workspace = server.database().dao(WorkspaceDao.class).list().get(0);
        assertThat(workspace.initialSetupComplete()).isTrue();
        assertThat(workspace.email()).isEqualTo("alerts@example.org");
        SetupDao.SetupRow setup = server.database().dao(SetupDao.class).find(workspace.id()).orElseThrow();
        assertThat(setup.dataResidency()).isEqualTo("eu");
        assertThat(setup.anonymousUsageStats()).isFalse();
        assertThat(UiBrowser.location(browser.get("/setup"))).isEqualTo("/");
        assertThat(UiBrowser.location(new UiBrowser(server.uiPort()).get("/setup"))).isEqualTo("/sign-in");
    }

    @Test
    @Order(5)
    void pagesNeedASignedInSessionAndSignInReplacesIt() {
        UiBrowser browser = new UiBrowser(server.uiPort());
        assertThat(UiBrowser.location(browser.get("/"))).isEqualTo("/sign-in");
        assertThat(UiBrowser.location(browser.get("/settings"))).isEqualTo("/sign-in");
        String csrf = browser.csrf("/sign-in");
        HttpResponse<String> wrong = browser.post("/sign-in", Map.of("_csrf", csrf, "email", EMAIL, "password", "nope-nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("id=\"password-error\"", "Wrong email or password");
        String before = sessionCookie(browser);
        HttpResponse<String> right = browser.post("/sign-in", Map.of("_csrf", csrf, "email", EMAIL, "password", PASSWORD));
        assertThat(UiBrowser.location(right)).isEqualTo("/");
        assertThat(sessionCookie(browser)).isNotEqualTo(before);
        assertThat(browser.get("/settings").body()).contains("<h1>Settings</h1>");

        assertThat(browser.post("/sign-out", Map.of("_csrf", csrf)).statusCode()).as("the old session's token").isEqualTo(403);
        String signedIn = browser.csrf("/");
        HttpResponse<String> out = browser.post("/sign-out", Map.of("_csrf", signedIn));
        assertThat(UiBrowser.location(out)).isEqualTo("/sign-in?signed-out");
        assertThat(UiBrowser.location(browser.get("/"))).isEqualTo("/sign-in");
    }

    @Test
    @Order(6)
    void changePasswordChecksTheCurrentOne() {
        UiBrowser browser = new UiBrowser(server.uiPort());
        String csrf = browser.csrf("/sign-in");
        browser.post("/sign-in", Map.of("_csrf", csrf, "email", EMAIL, "password", PASSWORD));
        String token = browser.csrf("/account/password");
        HttpResponse<String> wrong = browser.post("/account/password", Map.of("_csrf", token,
                "currentPassword", "wrong-one", "newPassword", "another pass 2", "confirmPassword", "another pass 2"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"currentPassword-error\"");
        HttpResponse<String> changed = browser.post("/account/password", Map.of("_csrf", token,
                "currentPassword", PASSWORD, "newPassword", "another pass 2", "confirmPassword", "another pass 2"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Your password has been changed.");

        UiBrowser other = new UiBrowser(server.uiPort());
        String otherCsrf = other.csrf("/sign-in");
        assertThat(other.post("/sign-in", Map.of("_csrf", otherCsrf, "email", EMAIL, "password", PASSWORD))
                .statusCode()).isEqualTo(401);
        assertThat(UiBrowser.location(other.post("/sign-in",
                Map.of("_csrf", otherCsrf, "email", EMAIL, "password", "another pass 2")))).isEqualTo("/");
    }

    @Test
    @Order(7)
    void anAdminPasswordSetBeforehandClosesTheWizard(@TempDir Path dir) {
        try (SluiceServer preset = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of())
                .withDataDir(dir.resolve("data")).withPorts(0, 0).withAdminPassword(Optional.of("set by the operator")))) {
            UiBrowser browser = new UiBrowser(preset.uiPort());
            assertThat(UiBrowser.location(browser.get("/setup"))).isEqualTo("/sign-in");
            String csrf = browser.csrf("/sign-in");
            HttpResponse<String> claim = browser.post("/setup", withCsrf(setupForm(EMAIL, PASSWORD), csrf));
            assertThat(UiBrowser.location(claim)).isEqualTo("/sign-in");
            assertThat(browser.post("/sign-in", Map.of("_csrf", csrf, "email", EMAIL, "password", PASSWORD))
                    .statusCode()).isEqualTo(401);
            assertThat(UiBrowser.location(browser.post("/sign-in", Map.of("_csrf", csrf,
                    "email", "airbyte@example.com", "password", "set by the operator")))).isEqualTo("/");
        }
    }

    private static String sessionCookie(UiBrowser browser) {
        return browser.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("sluice_session"))
                .map(c -> c.getValue()).findFirst().orElse("");
    }

    private static Map<String, String> setupForm(String adminEmail, String password) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("adminEmail", adminEmail, "password", password,
                "confirmPassword", password, "notificationEmail", "alerts@example.org", "dataResidency", "eu",
                "anonymousUsageStats", "false"));
        return form;
    }

    private static Map<String, String> withCsrf(Map<String, String> form, String csrf) {
        form.put("_csrf", csrf);
        return form;
    }
}
