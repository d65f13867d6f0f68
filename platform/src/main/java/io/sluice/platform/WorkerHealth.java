package io.sluice.platform;

import io.javalin.Javalin;
import io.sluice.platform.metrics.SyncMetrics;
import java.util.Map;

/** A worker node's small HTTP port: {@code GET /health} and the Prometheus metrics of its syncs. */
final class WorkerHealth {
    private WorkerHealth() {}

    static Javalin start(String bind, int port, SyncMetrics metrics) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = bind;
            config.jetty.port = port;
            config.routes.get("/health", ctx -> ctx.json(Map.of("available", true, "role", "worker")));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
        }).start();
    }
}
