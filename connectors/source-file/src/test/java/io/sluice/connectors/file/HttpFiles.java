package io.sluice.connectors.file;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** A real local HTTP server (OkHttp MockWebServer) serving files by path; 404 for others, 403 under /private/. */
final class HttpFiles implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    HttpFiles() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                userAgents.add(request.getHeaders().get("User-Agent"));
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/private/")) {
                    return new MockResponse.Builder().code(403).body("Forbidden").build();
                }
                byte[] body = files.get(path);
                if (body == null) {
                    return new MockResponse.Builder().code(404).body("Not Found").build();
                }
                return new MockResponse.Builder().code(200).body(new Buffer().write(body)).build();
            }
        });
        server.start();
    }

    /** Serves {@code bytes} at {@code path} and returns its URL (with a query, which messages must not show). */
    String serve(String path, byte[] bytes) {
        files.put(path, bytes);
        return url(path);
    }

    String url(String path) {
        return server.url(path).toString();
    }

    List<String> userAgents() {
        return List.copyOf(userAgents);
    }

    @Override
    public void close() {
        server.close();
    }
}
