package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.SyncCancelledException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the requests of one read: waits for the source's request budget, retries what the
 * {@link ErrorHandler} says to retry (429, 5xx, connection failures) with its waits, and turns
 * what cannot succeed into a classified {@link ConnectorException} in plain words: the method, the
 * URL without its query (which may hold a key), the status and the start of the body, with every
 * known secret masked.
 */
final class RestClient {
    private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
    private static final int BODY_IN_MESSAGES = 500;

    private final HttpClient http;
    private final RateLimiter limiter;
    private final Scrubber scrubber;
    private final Duration timeout;
    private final Duration retryBudget;

    /**
     * @param retryBudget the most time one request may spend waiting between retries (short for a
     *     connection check, which a person waits for; long for a read)
     */
    RestClient(HttpClient http, RateLimiter limiter, Scrubber scrubber, Duration timeout, Duration retryBudget) {
        this.http = requireNonNull(http, "http");
        this.limiter = requireNonNull(limiter, "limiter");
        this.scrubber = requireNonNull(scrubber, "scrubber");
        this.timeout = requireNonNull(timeout, "timeout");
        this.retryBudget = requireNonNull(retryBudget, "retryBudget");
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Scrubber scrubber() {
        return scrubber;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * The response to {@code request}, after retries; empty when the handler says to ignore it.
     *
     * @param what who asks, for messages ("stream customers")
     */
    Optional<ApiResponse> send(HttpRequest request, ErrorHandler handler, TemplateVars vars, String what) {
        String target = request.method() + " " + withoutQuery(request.uri());
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            ApiResponse response = null;
            String failure;
            try {
                limiter.acquire();
                HttpResponse<String> raw = http.send(request, HttpResponse.BodyHandlers.ofString());
                response = new ApiResponse(raw.statusCode(), raw.headers().map(), raw.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncCancelledException();
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                Duration wait = handler.waitBefore(attempt + 1, null);
                if (attempt >= handler.maxRetries() || waited.plus(wait).compareTo(retryBudget) > 0) {
                    throw new ConnectorException(FailureKind.TRANSIENT, scrubber.scrub(what + ": " + target
                            + " failed after " + (attempt + 1) + " attempts: " + failure), null);
                }
                pause(wait, what, target, failure);
                waited = waited.plus(wait);
                continue;
            }
            ErrorHandler.Decision decision = handler.decide(response, vars);
            switch (decision.action()) {
                case SUCCESS -> {
                    return Optional.of(response);
                }
                case IGNORE -> {
                    LOG.info("{}: {} answered {}; ignored as the manifest says", what, target, response.status());
                    return Optional.empty();
                }
                case FAIL -> throw failed(response, decision, what, target);
                case RETRY -> {
                    if (attempt >= handler.maxRetries()) {
                        throw new ConnectorException(FailureKind.TRANSIENT, scrubber.scrub(what + ": " + target
                                + " answered " + response.status() + " " + reason(response.status()) + " "
                                + (attempt + 1) + " times; gave up after " + attempt + " retries. Last response: "
                                + ErrorHandler.truncate(response.body(), BODY_IN_MESSAGES)), null);
                    }
                    Duration wait = handler.waitBefore(attempt + 1, response);
                    if (waited.plus(wait).compareTo(retryBudget) > 0) {
                        throw new ConnectorException(FailureKind.TRANSIENT, scrubber.scrub(what + ": " + target
                                + " answered " + response.status() + " " + reason(response.status()) + " and a retry would"
                                + " wait longer than " + retryBudget.toSeconds() + " s in all. Last response: "
                                + ErrorHandler.truncate(response.body(), BODY_IN_MESSAGES)), null);
                    }
                    if (wait.compareTo(ErrorHandler.LONGEST_WAIT) > 0) {
                        throw new ConnectorException(FailureKind.TRANSIENT, what + ": " + target + " answered "
                                + response.status() + " and asked to wait " + wait.toSeconds()
                                + " s, longer than " + ErrorHandler.LONGEST_WAIT.toMinutes() + " minutes", null);
                    }
                    pause(wait, what, target, "status " + response.status());
                    waited = waited.plus(wait);
                }
            }
        }
    }

    private ConnectorException failed(ApiResponse response, ErrorHandler.Decision decision, String what, String target) {
        String body = response.body().isBlank() ? "an empty body"
                : "'" + ErrorHandler.truncate(response.body(), BODY_IN_MESSAGES) + "'";
        String hint = response.status() == 401 || response.status() == 403
                ? " Check the credentials in the config." : "";
        String message = what + ": " + target + " answered " + response.status() + " " + reason(response.status())
                + decision.message().map(m -> " (" + m + ")").orElse("") + " with " + body + "." + hint;
        return new ConnectorException(decision.kind(), scrubber.scrub(message), null);
    }

    private void pause(Duration wait, String what, String target, String why) {
        LOG.info("{}: {} ({}); retrying in {} ms", what, target, scrubber.scrub(why), wait.toMillis());
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        }
    }

    static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
