package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.protocol.CatalogMessage;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectionStatusMessage;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.MessageReader;
import io.sluice.protocol.MessageWriter;
import io.sluice.protocol.SpecMessage;
import io.sluice.protocol.TraceMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice connector list} and {@code sluice connector <name> spec|check|discover|read|write}:
 * every built-in connector as a standard Airbyte-protocol connector on the command line, speaking
 * JSON lines on stdout (and stdin for {@code write}).
 */
@Command(name = "connector", description = {
    "Run a built-in connector as an Airbyte-protocol connector.",
    "  sluice connector list",
    "  sluice connector <name> spec",
    "  sluice connector <name> check --config config.json",
    "  sluice connector <name> discover --config config.json",
    "  sluice connector <name> read --config config.json --catalog catalog.json [--state state.json]",
    "  sluice connector <name> write --config config.json --catalog catalog.json < messages.jsonl"})
final class ConnectorCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "connector name (e.g. source-faker), or 'list'")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ACTION", description = "spec, check, discover, read or write")
    String action;

    @Option(names = "--config", paramLabel = "FILE", description = "connector config (JSON)")
    Path config;

    @Option(names = "--catalog", paramLabel = "FILE", description = "configured catalog (JSON)")
    Path catalog;

    @Option(names = "--state", paramLabel = "FILE", description = "state to resume from (JSON)")
    Path state;

    @Override
    public Integer call() {
        ConnectorRegistry registry = ConnectorRegistry.load();
        if (name.equals("list")) {
            registry.sourceNames().forEach(n -> System.out.println("source       " + n));
            registry.destinationNames().forEach(n -> System.out.println("destination  " + n));
            return 0;
        }
        Optional<Source> source = registry.source(name);
        Optional<Destination> destination = registry.destination(name);
        if (source.isEmpty() && destination.isEmpty()) {
            System.err.println("No connector named '" + name + "'. Built-in connectors: "
                    + String.join(", ", registry.sourceNames()) + ", " + String.join(", ", registry.destinationNames()));
            return 2;
        }
        if (action == null) {
            System.err.println("Give an action: spec, check, discover, " + (source.isPresent() ? "read" : "write"));
            return 2;
        }
        MessageWriter out = new MessageWriter(System.out);
        try {
            return source.isPresent() ? runSource(source.get(), out) : runDestination(destination.get(), out);
        } catch (PipelineException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (ConnectorException e) {
            out.write(errorTrace(e.getMessage(), e.kind(), e));
            return 1;
        } catch (RuntimeException e) {
            out.write(errorTrace(String.valueOf(e.getMessage()), FailureKind.SYSTEM, e));
            return 1;
        } finally {
            out.flush();
        }
    }

    private int runSource(Source source, MessageWriter out) {
        switch (action) {
            case "spec" -> out.write(new SpecMessage(source.spec()));
            case "check" -> out.write(new ConnectionStatusMessage(check(source.spec(), () -> source.check(config()))));
            case "discover" -> out.write(new CatalogMessage(source.discover(validConfig(source.spec()))));
            case "read" -> {
                var configured = JsonFiles.catalog(required(catalog, "--catalog"));
                InputState input = state == null ? InputState.empty() : JsonFiles.state(state);
                source.read(validConfig(source.spec()), configured, input, new ProtocolEmitter(out, configured));
            }
            default -> throw new PipelineException("ACTION", "a source takes spec, check, discover or read, not '" + action + "'");
        }
        return 0;
    }

    private int runDestination(Destination destination, MessageWriter out) {
        switch (action) {
            case "spec" -> out.write(new SpecMessage(destination.spec()));
            case "check" -> out.write(new ConnectionStatusMessage(check(destination.spec(), () -> destination.check(config()))));
            case "write" -> {
                var configured = JsonFiles.catalog(required(catalog, "--catalog"));
                var input = new ProtocolRecordInput(new MessageReader(System.in), configured, out::write);
                destination.write(validConfig(destination.spec()), configured, input, ack -> {
                    out.write(ack);
                    out.flush();
                });
            }
            default -> throw new PipelineException("ACTION", "a destination takes spec, check or write, not '" + action + "'");
        }
        return 0;
    }

    /** A config that fails its spec fails the check with the fields at fault, before the connector runs. */
    private ConnectionStatus check(ConnectorSpecification spec, java.util.function.Supplier<ConnectionStatus> check) {
        List<ConfigError> errors = ConfigValidator.validate(spec.connectionSpecification(), config());
        if (!errors.isEmpty()) {
            return ConnectionStatus.failed(describe(errors));
        }
        return check.get();
    }

    private JsonNode validConfig(ConnectorSpecification spec) {
        JsonNode node = config();
        List<ConfigError> errors = ConfigValidator.validate(spec.connectionSpecification(), node);
        if (!errors.isEmpty()) {
            throw ConnectorException.config(describe(errors));
        }
        return node;
    }

    private JsonNode config() {
        return JsonFiles.read(required(config, "--config"), "--config");
    }

    private static Path required(Path file, String option) {
        if (file == null) {
            throw new PipelineException(option, "is required for this action");
        }
        return file;
    }

    static String describe(List<ConfigError> errors) {
        return "Invalid config: " + errors.stream().map(e -> e.field() + " " + e.problem()).collect(Collectors.joining("; "));
    }

    private static TraceMessage errorTrace(String message, FailureKind kind, Throwable e) {
        StringWriter stack = new StringWriter();
        e.printStackTrace(new PrintWriter(stack));
        return TraceMessage.error(new TraceMessage.ErrorTrace(message, Optional.of(e.toString()),
                Optional.of(stack.toString()), Optional.of(kind.toProtocol()), Optional.empty()),
                System.currentTimeMillis());
    }
}
