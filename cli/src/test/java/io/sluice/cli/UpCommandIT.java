package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice up} started in-process on free ports answers the API on both ports and stops when asked. */
class UpCommandIT {
    @TempDir
    Path dir;

    @Test
    void upServesTheApiOnBothPortsUntilStopped() throws Exception {
        int apiPort = freePort();
        int uiPort = freePort();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread up = new Thread(() -> exit.set(Main.execute("up", "--api-port", Integer.toString(apiPort),
                "--ui-port", Integer.toString(uiPort), "--data-dir", dir.resolve("data").toString())), "sluice-up-test");
        up.start();
        try {
            HttpResponse<String> health = waitForHealth(apiPort);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"available\":true");
            assertThat(get(uiPort, "/api/v1/health").body()).contains("\"available\":true");
            HttpResponse<String> sources = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + apiPort + "/api/v1/source_definitions/list"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sources.body()).contains("source-faker").contains("source-postgres");
        } finally {
            up.interrupt();
            up.join(30_000);
        }
        assertThat(up.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(dir.resolve("data").resolve("metadata.mv.db")).exists();
    }

    private static HttpResponse<String> waitForHealth(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                return get(port, "/api/v1/health");
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("sluice up did not answer on " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
