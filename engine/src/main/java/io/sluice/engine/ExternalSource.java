package io.sluice.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.Source;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.Message;
import io.sluice.protocol.MessageReader;
import io.sluice.protocol.ProtocolException;
import io.sluice.protocol.RecordMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.TraceMessage;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source that is an Airbyte-protocol executable (a Python connector, a script): {@code <cmd> spec},
 * {@code check}, {@code discover}, {@code read}. Its RECORD lines become rows of the matching
 * configured stream; this is where their JSON is parsed, once.
 */
public final class ExternalSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalSource.class);

    private final ExternalConnector connector;

    /**
     * @param name the connector's name, for messages and logs
     * @param command the executable and its leading arguments, e.g. {@code ["python3", "/path/main.py"]}
     */
    public ExternalSource(String name, List<String> command) {
        this(name, command, ResourceRequirements.NONE);
    }

    /** A source whose processes are held to {@code resources}' limits. */
    public ExternalSource(String name, List<String> command, ResourceRequirements resources) {
        this.connector = new ExternalConnector("source", name, command, resources);
    }

    /** This source with other resource limits. */
    public ExternalSource withResources(ResourceRequirements resources) {
        return new ExternalSource(name(), connector.command(), resources);
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

    @Override
    public Catalog discover(JsonNode config) {
        return connector.discover(config);
    }

    /**
     * Runs {@code <cmd> read --config ... --catalog ... [--state ...]} and forwards its messages. An
     * interrupt of the calling thread (a cancel) kills the process.
     *
     * @throws ConnectorException when the process exits with a non-zero code (kind from its last
     *     error trace), prints an invalid message, or sends a record of a stream not in the catalog
     */
    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        StreamRouter router = new StreamRouter(catalog);
        try (ConnectorFiles files = ConnectorFiles.create(name())) {
            List<String> arguments = connector.arguments("read",
                    "--config", files.write("config.json", config).toString(),
                    "--catalog", files.write("catalog.json", catalog).toString());
            if (!state.messages().isEmpty()) {
                arguments.add("--state");
                arguments.add(files.write("state.json", state.messages()).toString());
            }
            try (ConnectorProcess process = connector.start(arguments)) {
                process.closeStdin();
                process.killWhenInterrupted(Thread.currentThread());
                forward(process, router, out);
                ExternalConnector.checkInterrupted();
                int code = process.waitForExit();
                if (code != 0) {
                    throw process.exitFailure(code);
                }
                Optional<ConnectorException> reported = process.traceFailure();
                if (reported.isPresent()) {
                    throw reported.get();
                }
            }
        }
    }

    private void forward(ConnectorProcess process, StreamRouter router, Emitter out) {
        try (MessageReader reader = new MessageReader(process.stdout())) {
            for (Optional<Message> next = reader.next(); next.isPresent(); next = reader.next()) {
                switch (next.get()) {
                    case RecordMessage r -> {
                        int index = router.indexOf(r);
                        out.record(index, RowJson.toRow(router.schema(index), r.data()));
                    }
                    case StateMessage s -> out.state(s);
                    case LogMessage l -> out.log(l.level(), l.message());
                    case TraceMessage t -> {
                        t.error().ifPresent(process::rememberError);
                        out.trace(t);
                    }
                    default -> LOG.debug("source {} sent an unexpected {} message; ignored", name(),
                            next.get().getClass().getSimpleName());
                }
            }
        } catch (ProtocolException e) {
            throw connector.invalidMessage(process, e);
        } catch (UncheckedIOException e) {
            ExternalConnector.checkInterrupted();
            int code = process.waitForExit();
            throw code != 0 ? process.exitFailure(code)
                    : ConnectorException.system("cannot read the output of source " + name(), e);
        }
    }

    /** The configured stream of a record, and its row schema. */
    private static final class StreamRouter {
        private final RowSchema[] schemas;
        private final Map<StreamDescriptor, Integer> byDescriptor = new HashMap<>();
        private final Map<String, Integer> byName = new HashMap<>();

        StreamRouter(ConfiguredCatalog catalog) {
            this.schemas = new RowSchema[catalog.streams().size()];
            for (int i = 0; i < schemas.length; i++) {
                ConfiguredStream stream = catalog.streams().get(i);
                schemas[i] = RowSchema.of(stream.stream().jsonSchema());
                byDescriptor.put(stream.descriptor(), i);
                byName.merge(stream.stream().name(), i, (a, b) -> -1);
            }
        }

        int indexOf(RecordMessage record) {
            Integer index = byDescriptor.get(record.descriptor());
            if (index == null && record.namespace().isEmpty()) {
                index = byName.get(record.stream()); // a source that leaves the namespace out; -1 if ambiguous
            }
            if (index == null || index < 0) {
                throw ConnectorException.system("the source sent a record of stream '" + record.descriptor()
                        + "', which is not in the configured catalog", null);
            }
            return index;
        }

        RowSchema schema(int index) {
            return schemas[index];
        }
    }
}
