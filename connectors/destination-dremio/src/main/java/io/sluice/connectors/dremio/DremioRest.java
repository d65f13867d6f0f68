package io.sluice.connectors.dremio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dremio's REST API as the destination uses it: sign-in ({@code POST /apiv2/login}, then the header
 * {@code Authorization: _dremio<token>}), catalog look-ups by path, formatting a folder as a Parquet
 * table, and SQL jobs ({@code POST /api/v3/sql}, polled through {@code GET /api/v3/job/{id}}).
 * Every failure becomes a classified {@link ConnectorException} in plain words; the password never
 * appears in one. Not thread-safe (one per write or check).
 */
final class DremioRest {
    private static final Logger LOG = LoggerFactory.getLogger(DremioRest.class);
    private static final ObjectMapper JSON = MessageCodec.mapper();
    private static final Set<String> FINAL_JOB_STATES = Set.of("COMPLETED", "FAILED", "CANCELED");
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Duration pollInterval;
    private final Duration jobTimeout;

    private DremioRest(HttpClient http, URI base, String token, Duration pollInterval, Duration jobTimeout) {
        this.http = http;
        this.base = base;
        this.authorization = "_dremio" + token;
        this.pollInterval = pollInterval;
        this.jobTimeout = jobTimeout;
    }

    /** Signs in with the config's username and password. */
    static DremioRest signIn(DremioConfig config, Duration pollInterval, Duration jobTimeout) {
        URI base = baseOf(config);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ObjectNode body = JSON.createObjectNode().put("userName", config.username())
                .put("password", config.password().reveal());
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(base.resolve("/apiv2/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), base, "sign in");
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw ConnectorException.config("Dremio at " + base + " refused the sign-in of user '"
                    + config.username() + "': check username and password");
        }
        JsonNode token = parse(ok(response, "sign in", base)).path("token");
        if (token.asText("").isEmpty()) {
            throw ConnectorException.system("Dremio at " + base + " answered the sign-in without a token", null);
        }
        LOG.debug("signed in to Dremio's REST API at {}", base);
        return new DremioRest(http, base, token.asText(), pollInterval, jobTimeout);
    }

    /** The catalog entry at {@code path} ({@code GET /api/v3/catalog/by-path/...}), or empty when there is none. */
    Optional<CatalogEntry> byPath(List<String> path) {
        StringBuilder url = new StringBuilder("/api/v3/catalog/by-path");
        for (String segment : path) {
            url.append('/').append(encode(segment));
        }
        HttpResponse<String> response = call(HttpRequest.newBuilder(base.resolve(url.toString())).GET(),
                "look up " + String.join(".", path));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode entry = parse(ok(response, "look up " + String.join(".", path), base));
        List<String> entryPath = new ArrayList<>();
        entry.path("path").forEach(p -> entryPath.add(p.asText()));
        return Optional.of(new CatalogEntry(entry.path("entityType").asText(""), entry.path("id").asText(""),
                entryPath.isEmpty() ? path : entryPath));
    }

    /** Formats a source's folder as a Parquet table ({@code POST /api/v3/catalog/{id}}). */
    void promoteToParquet(CatalogEntry folder) {
        ObjectNode body = JSON.createObjectNode()
                .put("entityType", "dataset")
                .put("id", folder.id())
                .put("type", "PHYSICAL_DATASET");
        folder.path().forEach(body.putArray("path")::add);
        body.putObject("format").put("type", "Parquet");
        String what = "format " + String.join(".", folder.path()) + " as a Parquet table";
        ok(call(HttpRequest.newBuilder(base.resolve("/api/v3/catalog/" + encode(folder.id())))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), what), what, base);
    }

    /** Runs {@code sql} as a job and waits for it to end; a failed or cancelled job throws with Dremio's reason. */
    void runSql(String sql) {
        ObjectNode body = JSON.createObjectNode().put("sql", sql);
        JsonNode submitted = parse(ok(call(HttpRequest.newBuilder(base.resolve("/api/v3/sql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "submit SQL"), "submit SQL", base));
        String jobId = submitted.path("id").asText("");
        if (jobId.isEmpty()) {
            throw ConnectorException.system("Dremio accepted the SQL but returned no job id", null);
        }
        long deadline = System.nanoTime() + jobTimeout.toNanos();
        while (true) {
            JsonNode job = parse(ok(call(HttpRequest.newBuilder(base.resolve("/api/v3/job/" + encode(jobId))).GET(),
                    "read job " + jobId), "read job " + jobId, base));
            String state = job.path("jobState").asText("");
            if (FINAL_JOB_STATES.contains(state)) {
                if (!state.equals("COMPLETED")) {
                    String reason = job.path(state.equals("FAILED") ? "errorMessage" : "cancellationReason").asText("");
                    throw ConnectorException.system("Dremio job " + jobId + " " + state.toLowerCase() + " running `"
                            + sql + "`" + (reason.isEmpty() ? "" : ": " + reason), null);
                }
                LOG.info("Dremio job {} completed: {}", jobId, sql);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw ConnectorException.transientError("Dremio job " + jobId + " still " + state + " after "
                        + jobTimeout.toMinutes() + " min running `" + sql + "`", null);
            }
            sleep(pollInterval);
        }
    }

    private HttpResponse<String> call(HttpRequest.Builder request, String what) {
        return send(http, request.header("Authorization", authorization), base, what);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, URI base, String what) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ConnectorException.transientError("Could not reach Dremio's REST API at " + base + " to " + what
                    + " (" + e.getClass().getSimpleName() + "): is rest_port right and Dremio running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientError("Interrupted while waiting for Dremio to " + what, e);
        }
    }

    /** The body of a 2xx response; otherwise a classified error carrying Dremio's {@code errorMessage}. */
    private static String ok(HttpResponse<String> response, String what, URI base) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String message = "Dremio at " + base + " could not " + what + ": HTTP " + status + errorMessage(response.body());
        FailureKind kind = status == 401 || status == 403 || status == 404 ? FailureKind.CONFIG
                : status >= 500 || status == 429 ? FailureKind.TRANSIENT : FailureKind.SYSTEM;
        throw new ConnectorException(kind, message);
    }

    private static String errorMessage(String body) {
        try {
            String text = JSON.readTree(body).path("errorMessage").asText("");
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw ConnectorException.system("Dremio answered with a body that is not JSON", e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientError("Interrupted while waiting for a Dremio job", e);
        }
    }

    private static URI baseOf(DremioConfig config) {
        return URI.create((config.ssl() ? "https://" : "http://") + config.host() + ":"
                + config.restPort());
    }
}
