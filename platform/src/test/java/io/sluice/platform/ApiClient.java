package io.sluice.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Calls the Config API over real HTTP, as curl in the seed does. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Optional<String> authorization;

    ApiClient(int port) {
        this(port, Optional.empty());
    }

    ApiClient(int port, Optional<String> authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    ApiClient withAuthorization(String header) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), Optional.of(header));
    }

    record Response(int status, String text, JsonNode json) {
        JsonNode ok() {
            if (status != 200) {
                throw new AssertionError("expected 200, got " + status + ": " + text);
            }
            return json;
        }
    }

    Response post(String path, String body) {
        return send("POST", path, body);
    }

    JsonNode ok(String path, String body) {
        return post(path, body).ok();
    }

    /** Polls {@code jobs/get} until the job has one of the statuses; fails after {@code limit}. */
    JsonNode awaitJob(long jobId, java.util.Set<String> statuses, Duration limit) {
        java.time.Instant deadline = java.time.Instant.now().plus(limit);
        JsonNode job = ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
        while (!statuses.contains(job.path("job").path("status").asText())) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " is not " + statuses + " after " + limit + ": " + job);
            }
            ApiIT.sleep(100);
            job = ok("/api/v1/jobs/get", "{\"id\": " + jobId + "}");
        }
        return job;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        authorization.ifPresent(a -> request.header("Authorization", a));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException e) {
                json = MissingNode.getInstance();
            }
            return new Response(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
