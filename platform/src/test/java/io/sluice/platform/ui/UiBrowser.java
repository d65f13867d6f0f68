package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client for the web UI's pages, following no redirects (tests check them). */
final class UiBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    UiBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token of the form on a page fetched with this client's session. */
    String csrf(String path) {
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).as("GET " + path).isEqualTo(200);
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field on " + path).isTrue();
        return m.group(1);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the first-run setup with this admin account (this client is then signed in) and returns this client. */
    UiBrowser setUp(String email, String password) {
        String token = csrf("/setup");
        HttpResponse<String> done = post("/setup", Map.of("_csrf", token, "adminEmail", email, "password", password,
                "confirmPassword", password, "notificationEmail", "", "dataResidency", "auto",
                "anonymousUsageStats", "false"));
        assertThat(done.statusCode()).as("setup: " + done.body()).isEqualTo(303);
        return this;
    }

    /** Posts {@code json} to the Config API call {@code call} on {@code apiPort}: the 200 response's body (missing for a 204). */
    static com.fasterxml.jackson.databind.JsonNode api(int apiPort, String call, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + apiPort + "/api/v1/" + call)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(call + ": " + response.body()).isIn(200, 204);
            return response.statusCode() == 204 ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form POST as htmx sends it: with {@code HX-Request: true} and the CSRF token in {@code X-CSRF-Token}. */
    HttpResponse<String> htmxPost(String path, Map<String, String> form, String csrf) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A Config API call through the UI port's {@code /api} (loopback, so without credentials): the
     * response body as JSON, failing the test on any status but 200 and 204.
     */
    com.fasterxml.jackson.databind.JsonNode api(String call, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/" + call))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(call + " " + response.body()).isIn(200, 204);
        return response.body().isEmpty() ? null : io.sluice.platform.api.ApiJson.read(response.body());
    }

    /** A client signed in as the admin through the first-run wizard (which it must find open). */
    static UiBrowser afterSetup(int port, String email, String password) {
        UiBrowser browser = new UiBrowser(port);
        String csrf = browser.csrf("/setup");
        HttpResponse<String> done = browser.post("/setup", Map.of("_csrf", csrf, "adminEmail", email,
                "password", password, "confirmPassword", password, "notificationEmail", "",
                "dataResidency", "auto", "anonymousUsageStats", "false"));
        assertThat(done.statusCode()).as("setup " + done.body()).isEqualTo(303);
        return browser;
    }
}
