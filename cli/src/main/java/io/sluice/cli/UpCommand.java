package io.sluice.cli;

import io.sluice.platform.NodeSettings;
import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import io.sluice.platform.StartupException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice up}: a Sluice node (by {@code --role}: the Config API on the API port and under
 * {@code /api} on the UI port with the schedules, the job worker, or both) until Ctrl-C or SIGTERM,
 * which stop it cleanly: running syncs stop at their last acknowledged state and their jobs go on
 * from there on the next worker (or on this node when it starts again).
 */
@Command(name = "up", description = "Start Sluice: the Config API and UI port (server), the job worker, or both.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--api-port", defaultValue = "8001", description = "Config API port (default: ${DEFAULT-VALUE})")
    int apiPort;

    @Option(names = "--ui-port", defaultValue = "8000",
            description = "UI port; also serves the API under /api (default: ${DEFAULT-VALUE})")
    int uiPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--role", defaultValue = "all", description = "server (Config API, UI, schedules), worker (runs"
            + " syncs) or all (default: ${DEFAULT-VALUE}); server and worker need SLUICE_DATABASE_URL")
    String role;

    @Option(names = "--health-port", description = "a worker's GET /health and /metrics port (default: none;"
            + " $SLUICE_WORKER_HEALTH_PORT)")
    Integer healthPort;

    @Option(names = "--data-dir", description = "metadata, secret key, logs (default: $SLUICE_DATA_DIR or ~/.sluice)")
    Path dataDir;

    @Override
    public Integer call() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(System.getenv()).withPorts(apiPort, uiPort)
                .withBind(bind);
        if (dataDir != null) {
            settings = settings.withDataDir(dataDir);
        }
        SluiceServer server;
        NodeSettings node;
        try {
            node = NodeSettings.fromEnvironment(System.getenv()).withRole(NodeSettings.Role.of(role));
            if (healthPort != null) {
                node = node.withHealthPort(healthPort);
            }
            server = SluiceServer.start(settings, node, Clock.systemUTC());
        } catch (StartupException | IllegalArgumentException e) {
            System.err.println("Cannot start Sluice: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("Cannot start Sluice: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sluice-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        String store = settings.databaseUrl().isPresent() ? " (metadata in PostgreSQL)" : "";
        if (node.role().serves()) {
            System.out.println("Sluice is up" + (node.role() == NodeSettings.Role.SERVER ? " (server)" : "")
                    + ". Config API: http://" + bind + ":" + server.apiPort() + "/api/v1"
                    + "  UI: http://" + bind + ":" + server.uiPort() + "  data: " + settings.dataDir() + store);
        } else {
            System.out.println("Sluice worker " + node.name() + " is up" + (server.apiPort() >= 0
                    ? ". Health: http://" + bind + ":" + server.apiPort() + "/health" : "") + "  data: "
                    + settings.dataDir() + store);
        }
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside the process (tests, an embedding application): stop as a signal would
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            server.close();
        }
        return 0;
    }
}
