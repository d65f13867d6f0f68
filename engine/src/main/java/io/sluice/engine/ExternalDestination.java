package io.sluice.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.Message;
import io.sluice.protocol.MessageReader;
import io.sluice.protocol.ProtocolException;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A destination that is an Airbyte-protocol executable: {@code <cmd> write --config ... --catalog ...}
 * reads RECORD and STATE lines on stdin and prints each STATE back on stdout once the records
 * before it are durable. Rows become JSON here, and only here. Its LOG lines go to the SLF4J log
 * (the destination contract has no log channel). Echoed states are acknowledged on the writer
 * thread, between chunks: while the source is idle an echo waits for the next chunk or the end.
 */
public final class ExternalDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalDestination.class);

    private final ExternalConnector connector;

    /**
     * @param name the connector's name, for messages and logs
     * @param command the executable and its leading arguments, e.g. {@code ["python3", "/path/main.py"]}
     */
    public ExternalDestination(String name, List<String> command) {
        this(name, command, ResourceRequirements.NONE);
    }

    /** A destination whose processes are held to {@code resources}' limits. */
    public ExternalDestination(String name, List<String> command, ResourceRequirements resources) {
        this.connector = new ExternalConnector("destination", name, command, resources);
    }

    /** This destination with other resource limits. */
    public ExternalDestination withResources(ResourceRequirements resources) {
        return new ExternalDestination(name(), connector.command(), resources);
    }

    @Override
    public String name() {
        return connector.name();
    }

    @Override
    public ConnectorSpecification spec() {
        return connector.spec();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        return connector.check(config);
    }

    /**
     * Streams the input to the process and acknowledges the states it echoes, on the calling
     * thread (between chunks, and while waiting for the process to finish). When the input throws,
     * the process is killed (so it commits nothing more) and the exception is rethrown.
     */
    @Override
    public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger) {
        try (ConnectorFiles files = ConnectorFiles.create(name())) {
            List<String> arguments = List.of("write",
                    "--config", files.write("config.json", config).toString(),
                    "--catalog", files.write("catalog.json", catalog).toString());
            try (ConnectorProcess process = connector.start(arguments)) {
                process.killWhenInterrupted(Thread.currentThread());
                StdoutPump pump = new StdoutPump(process);
                pump.start();
                send(process, catalog, input, acknowledger, pump);
                finish(process, acknowledger, pump);
            }
        }
    }

    private void send(ConnectorProcess process, ConfiguredCatalog catalog, RecordInput input,
            StateAcknowledger acknowledger, StdoutPump pump) {
        List<ConfiguredStream> streams = catalog.streams();
        RowSchema[] schemas = streams.stream().map(s -> RowSchema.of(s.stream().jsonSchema())).toArray(RowSchema[]::new);
        ProtocolLineWriter writer = new ProtocolLineWriter(process.stdin());
        try {
            while (true) {
                pump.deliver(acknowledger);
                Optional<Chunk> next;
                try {
                    next = input.next();
                } catch (RuntimeException e) {
                    pump.deliver(acknowledger);
                    process.close();
                    throw e;
                }
                if (next.isEmpty()) {
                    break;
                }
                switch (next.get()) {
                    case Chunk.RowBatch batch -> {
                        ConfiguredStream stream = streams.get(batch.streamIndex());
                        String namespace = stream.stream().namespace().orElse(null);
                        String streamName = stream.stream().name();
                        RowSchema schema = schemas[batch.streamIndex()];
                        long emittedAt = System.currentTimeMillis();
                        for (Object[] row : batch.rows()) {
                            writer.record(namespace, streamName, RowJson.toJson(schema, row), emittedAt);
                        }
                    }
                    case Chunk.Checkpoint checkpoint -> {
                        writer.state(checkpoint.state());
                    }
                }
            }
            writer.close();
        } catch (UncheckedIOException e) {
            // The process stopped reading: it exited or crashed. Its exit code tells why.
            ExternalConnector.checkInterrupted();
            int code = process.waitForExit();
            pump.awaitDone(1000);
            pump.deliver(acknowledger);
            pump.rethrow();
            throw code != 0 ? process.exitFailure(code)
                    : ConnectorException.system("destination " + name() + " stopped reading its input", e);
        }
    }

    private void finish(ConnectorProcess process, StateAcknowledger acknowledger, StdoutPump pump) {
        while (!pump.awaitDone(100)) {
            pump.deliver(acknowledger);
        }
        pump.deliver(acknowledger);
        ExternalConnector.checkInterrupted();
        int code = process.waitForExit();
        pump.rethrow();
        if (code != 0) {
            throw process.exitFailure(code);
        }
        Optional<ConnectorException> reported = process.traceFailure();
        if (reported.isPresent()) {
            throw reported.get();
        }
    }

    /** Reads the process's stdout on its own thread; states wait here for the writer thread. */
    private final class StdoutPump {
        private final ConnectorProcess process;
        private final LinkedBlockingQueue<StateMessage> states = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile RuntimeException failure;

        StdoutPump(ConnectorProcess process) {
            this.process = process;
            this.thread = ContextThreads.create("sluice-" + name() + "-stdout", this::pump);
        }

        void start() {
            thread.start();
        }

        private void pump() {
            try (MessageReader reader = new MessageReader(process.stdout())) {
                for (Optional<Message> next = reader.next(); next.isPresent(); next = reader.next()) {
                    switch (next.get()) {
                        case StateMessage s -> states.add(s);
                        case LogMessage l -> connector.log(l.level(), l.message());
                        case TraceMessage t -> t.error().ifPresent(process::rememberError);
                        default -> LOG.debug("destination {} sent an unexpected {} message; ignored", name(),
                                next.get().getClass().getSimpleName());
                    }
                }
            } catch (ProtocolException e) {
                failure = connector.invalidMessage(process, e);
                process.destroy();
            } catch (UncheckedIOException e) {
                LOG.debug("stdout of destination {} closed: {}", name(), e.getMessage());
            }
        }

        /** Acknowledges, on the calling thread, every state the process has echoed so far. */
        void deliver(StateAcknowledger acknowledger) {
            for (StateMessage state = states.poll(); state != null; state = states.poll()) {
                acknowledger.acknowledge(state);
            }
        }

        boolean awaitDone(long millis) {
            try {
                thread.join(millis);
                return !thread.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncCancelledException();
            }
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
