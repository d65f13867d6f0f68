package io.sluice.connectors.dremio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local HTTP server (OkHttp MockWebServer) holding to the documented contract of Dremio's REST
 * API, as far as the destination uses it: {@code POST /apiv2/login} checks the body and returns a
 * token; every other call needs {@code Authorization: _dremio<token>} (401 otherwise); catalog
 * look-ups by path know the configured sources and answer a path under one as a folder (id
 * {@code dremio:/...}) until it is formatted as a table; formatting checks the body's shape; SQL jobs
 * are RUNNING on the first poll and COMPLETED on the next, or FAILED when the SQL holds {@code FAIL_ME}.
 */
final class FakeDremioRest implements AutoCloseable {
    static final String USER = "dremio_user";
    static final String PASSWORD = "dremio-pass-Tq55";

    /** A request as it arrived: the decoded path segments, the Authorization header and the body. */
    record Call(String method, List<String> path, String authorization, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final String token = UUID.randomUUID().toString();
    private final Set<String> sources = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> tables = ConcurrentHashMap.newKeySet();
    private final Map<String, String> jobs = new ConcurrentHashMap<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean foldersVisible = true;

    FakeDremioRest(String... sourceNames) throws IOException {
        sources.addAll(List.of(sourceNames));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.start();
    }

    int port() {
        return server.getPort();
    }

    String token() {
        return token;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The SQL of every job submitted, in order. */
    List<String> sql() {
        return calls.stream().filter(c -> c.path().equals(List.of("api", "v3", "sql")))
                .map(c -> read(c.body()).path("sql").asText()).toList();
    }

    Set<List<String>> tables() {
        return Set.copyOf(tables);
    }

    /** Whether folders under a source exist (as if the source read the staging bucket). */
    void foldersVisible(boolean visible) {
        foldersVisible = visible;
    }

    private MockResponse handle(RecordedRequest request) {
        List<String> path = request.getUrl().pathSegments();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        String authorization = request.getHeaders().get("Authorization");
        calls.add(new Call(request.getMethod(), path, authorization == null ? "" : authorization, body));
        if (path.equals(List.of("apiv2", "login")) && "POST".equals(request.getMethod())) {
            JsonNode login = read(body);
            if (USER.equals(login.path("userName").asText()) && PASSWORD.equals(login.path("password").asText())) {
                return json(200, JSON.createObjectNode().put("token", token).put("userName", USER));
            }
            return error(401, "Login was unsuccessful");
        }
        if (!("_dremio" + token).equals(authorization)) {
            return error(401, "Unauthorized");
        }
        if (path.size() > 3 && path.subList(0, 4).equals(List.of("api", "v3", "catalog", "by-path"))) {
            return byPath(path.subList(4, path.size()));
        }
        if (path.size() == 4 && path.subList(0, 3).equals(List.of("api", "v3", "catalog"))
                && "POST".equals(request.getMethod())) {
            return format(path.get(3), read(body));
        }
        if (path.equals(List.of("api", "v3", "sql")) && "POST".equals(request.getMethod())) {
            String id = UUID.randomUUID().toString();
            jobs.put(id, read(body).path("sql").asText());
            return json(200, JSON.createObjectNode().put("id", id));
        }
        if (path.size() == 4 && path.subList(0, 3).equals(List.of("api", "v3", "job")) && jobs.containsKey(path.get(3))) {
            return job(path.get(3));
        }
        return error(404, "No such endpoint " + String.join("/", path));
    }

    private MockResponse byPath(List<String> path) {
        if (path.isEmpty() || !sources.contains(path.getFirst())) {
            return error(404, "Could not find entity with path [" + String.join(", ", path) + "]");
        }
        ObjectNode entry = JSON.createObjectNode();
        path.forEach(entry.putArray("path")::add);
        if (path.size() == 1) {
            return json(200, entry.put("entityType", "source").put("id", UUID.randomUUID().toString()));
        }
        if (tables.contains(path)) {
            return json(200, entry.put("entityType", "dataset").put("type", "PHYSICAL_DATASET")
                    .put("id", UUID.nameUUIDFromBytes(String.join("/", path).getBytes()).toString()));
        }
        if (!foldersVisible) {
            return error(404, "Could not find entity with path [" + String.join(", ", path) + "]");
        }
        return json(200, entry.put("entityType", "folder").put("id", "dremio:/" + String.join("/", path)));
    }

    private MockResponse format(String id, JsonNode body) {
        List<String> path = new ArrayList<>();
        body.path("path").forEach(p -> path.add(p.asText()));
        boolean valid = id.equals("dremio:/" + String.join("/", path)) && id.equals(body.path("id").asText())
                && body.path("entityType").asText().equals("dataset")
                && body.path("type").asText().equals("PHYSICAL_DATASET")
                && body.at("/format/type").asText().equals("Parquet");
        if (!valid) {
            return error(400, "Invalid dataset body for " + id);
        }
        tables.add(List.copyOf(path));
        return json(200, ((ObjectNode) body.deepCopy()).put("id", UUID.randomUUID().toString()));
    }

    private MockResponse job(String id) {
        int poll = polls.merge(id, 1, Integer::sum);
        ObjectNode job = JSON.createObjectNode();
        if (poll == 1) {
            return json(200, job.put("jobState", "RUNNING").put("rowCount", 0));
        }
        if (jobs.get(id).contains("FAIL_ME")) {
            return json(200, job.put("jobState", "FAILED").put("errorMessage", "Table 'FAIL_ME' not found"));
        }
        return json(200, job.put("jobState", "COMPLETED").put("rowCount", 1));
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private static MockResponse error(int code, String message) {
        return json(code, JSON.createObjectNode().put("errorMessage", message));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
