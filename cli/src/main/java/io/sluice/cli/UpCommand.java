package io.sluice.cli;

import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import io.sluice.platform.StartupException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice up}: the server (Config API on the API port and under {@code /api} on the UI port)
 * until Ctrl-C or SIGTERM, which stop it cleanly: running syncs are cancelled and roll back to their
 * last acknowledged state.
 */
@Command(name = "up", description = "Start the Sluice server: the Config API and the UI port.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--api-port", defaultValue = "8001", description = "Config API port (default: ${DEFAULT-VALUE})")
    int apiPort;

    @Option(names = "--ui-port", defaultValue = "8000",
            description = "UI port; also serves the API under /api (default: ${DEFAULT-VALUE})")
    int uiPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

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
        try {
            server = SluiceServer.start(settings);
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
        System.out.println("Sluice is up. Config API: http://" + bind + ":" + server.apiPort() + "/api/v1"
                + "  UI: http://" + bind + ":" + server.uiPort() + "  data: " + settings.dataDir()
                + (settings.databaseUrl().isPresent() ? " (metadata in PostgreSQL)" : ""));
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
