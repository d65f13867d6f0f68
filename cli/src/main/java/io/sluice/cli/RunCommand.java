package io.sluice.cli;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.engine.FileStateStore;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncHandle;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.StreamDescriptor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice run pipeline.yaml}: one sync without a server. State is kept in a file beside the
 * pipeline, so the next run of an incremental pipeline moves only new records. With
 * {@code continuous: true} a CDC source follows its log until Ctrl-C; each acknowledged state is in
 * the file as it commits.
 */
@Command(name = "run", description = "Run one sync described in a pipeline YAML file.")
final class RunCommand implements Callable<Integer> {
    private static final long SIGNAL_GRACE_SECONDS = 15;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "pipeline YAML file")
    Path file;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Pipeline pipeline;
        Source source;
        Destination destination;
        ConfiguredCatalog catalog;
        try {
            pipeline = PipelineLoader.load(file);
            ConnectorResolver resolver = new ConnectorResolver(ConnectorRegistry.load());
            source = resolver.source(pipeline.source());
            destination = resolver.destination(pipeline.destination());
            ConnectorResolver.validate(source.spec(), pipeline.source(), "source");
            ConnectorResolver.validate(destination.spec(), pipeline.destination(), "destination");
            readableState(pipeline);
            catalog = new CatalogSelector(destination.spec().supportedDestinationSyncModes())
                    .select(source.discover(pipeline.source().config()), pipeline.streams());
        } catch (PipelineException e) {
            System.err.println("Invalid pipeline " + file + ":");
            e.errors().forEach(err -> System.err.println("  " + err.field() + ": " + err.problem()));
            return 2;
        } catch (ConnectorException e) {
            System.err.println("Cannot start " + file + ": " + e.getMessage());
            return e.kind() == io.sluice.cdk.FailureKind.CONFIG ? 2 : 1;
        }

        out.println("Syncing " + pipeline.name() + ": " + pipeline.source().label() + " -> "
                + pipeline.destination().label() + " (" + catalog.streams().size() + " streams)"
                + (pipeline.continuous() ? ", continuously until Ctrl-C" : ""));
        ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
        SyncRequest request = SyncRequest.builder(source, pipeline.source().config(), destination,
                        pipeline.destination().config(), catalog)
                .namespaceMapping(pipeline.namespace())
                .stateStore(new FileStateStore(pipeline.stateFile()))
                .listener(progress)
                .continuous(pipeline.continuous())
                .build();
        SyncHandle handle = new SyncEngine().start(request);
        CountDownLatch reported = new CountDownLatch(1);
        Thread cancelOnSignal = new Thread(() -> cancelAndWait(handle, reported), "sluice-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnSignal);
        SyncResult result = handle.await();
        try {
            Runtime.getRuntime().removeShutdownHook(cancelOnSignal);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: the sync was cancelled by a signal
        }
        progress.summary(result.streams(), modes(catalog));
        out.println(result.status() + " in " + Format.seconds(result.duration()) + " s; "
                + (result.status() == SyncResult.Status.SUCCEEDED ? "state saved in " : "state as of the last commit in ")
                + pipeline.stateFile());
        result.failure().ifPresent(f -> System.err.println(
                "Sync failed (" + f.origin() + ", " + f.kind() + "): " + f.message()));
        out.flush();
        reported.countDown();
        return switch (result.status()) {
            case SUCCEEDED -> 0;
            case FAILED -> 1;
            case CANCELLED -> 130;
        };
    }

    /**
     * On Ctrl-C or SIGTERM: cancel, then hold the JVM until the destination has rolled back and the
     * summary is printed (bounded, so a stuck connector cannot keep the process alive).
     */
    private static void cancelAndWait(SyncHandle handle, CountDownLatch reported) {
        handle.cancel();
        handle.await();
        try {
            reported.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A state file that cannot be read is bad input: say so before anything runs. */
    private static void readableState(Pipeline pipeline) {
        try {
            new FileStateStore(pipeline.stateFile()).load();
        } catch (ConnectorException e) {
            throw new PipelineException("state_file", e.getMessage());
        }
    }

    private static Map<StreamDescriptor, String> modes(ConfiguredCatalog catalog) {
        Map<StreamDescriptor, String> modes = new LinkedHashMap<>();
        for (ConfiguredStream s : catalog.streams()) {
            modes.put(s.descriptor(), s.syncMode().wire() + " | " + s.destinationSyncMode().wire());
        }
        return modes;
    }
}
