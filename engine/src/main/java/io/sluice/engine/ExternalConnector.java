package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.CatalogMessage;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectionStatusMessage;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.Message;
import io.sluice.protocol.MessageReader;
import io.sluice.protocol.ProtocolException;
import io.sluice.protocol.SpecMessage;
import io.sluice.protocol.TraceMessage;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Airbyte-protocol executable and the commands sources and destinations share: {@code spec},
 * {@code check}, and for sources {@code discover}. Each call runs the executable once, with its
 * files in a temporary directory that is deleted afterwards.
 */
final class ExternalConnector {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalConnector.class);

    private final String role;
    private final String name;
    private final List<String> command;
    private final ResourceRequirements resources;

    ExternalConnector(String role, String name, List<String> command, ResourceRequirements resources) {
        this.role = requireNonNull(role, "role");
        this.name = requireNonNull(name, "name");
        this.command = List.copyOf(command);
        this.resources = requireNonNull(resources, "resources");
        if (this.command.isEmpty()) {
            throw new IllegalArgumentException("the command of " + role + " " + name + " is empty");
        }
    }

    String role() {
        return role;
    }

    String name() {
        return name;
    }

    List<String> command() {
        return command;
    }

    ResourceRequirements resources() {
        return resources;
    }

    /** Starts one run of the executable, held to this connector's resource limits. */
    ConnectorProcess start(List<String> arguments) {
        return ConnectorProcess.start(role, name, command, arguments, resources);
    }

    ConnectorSpecification spec() {
        return runFor(List.of("spec"), m -> m instanceof SpecMessage s ? Optional.of(s.spec()) : Optional.empty(),
                "SPEC");
    }

    /** Never throws: a failure becomes a FAILED status with the reason. */
    ConnectionStatus check(JsonNode config) {
        try (ConnectorFiles files = ConnectorFiles.create(name)) {
            String configPath = files.write("config.json", config).toString();
            return runFor(List.of("check", "--config", configPath),
                    m -> m instanceof ConnectionStatusMessage c ? Optional.of(c.connectionStatus()) : Optional.empty(),
                    "CONNECTION_STATUS");
        } catch (ConnectorException e) {
            return ConnectionStatus.failed(e.getMessage());
        } catch (RuntimeException e) {
            return ConnectionStatus.failed(role + " " + name + " check failed: " + e);
        }
    }

    Catalog discover(JsonNode config) {
        try (ConnectorFiles files = ConnectorFiles.create(name)) {
            String configPath = files.write("config.json", config).toString();
            return runFor(List.of("discover", "--config", configPath),
                    m -> m instanceof CatalogMessage c ? Optional.of(c.catalog()) : Optional.empty(), "CATALOG");
        }
    }

    /** Runs one command, returning the first message {@code answer} accepts; the process must exit with 0. */
    private <T> T runFor(List<String> arguments, Function<Message, Optional<T>> answer, String expected) {
        try (ConnectorProcess process = start(arguments)) {
            process.closeStdin();
            process.killWhenInterrupted(Thread.currentThread());
            Optional<T> result = Optional.empty();
            try (MessageReader reader = new MessageReader(process.stdout())) {
                for (Optional<Message> m = reader.next(); m.isPresent(); m = reader.next()) {
                    if (result.isEmpty()) {
                        result = answer.apply(m.get());
                    }
                    handleSideMessage(process, m.get());
                }
            } catch (ProtocolException e) {
                throw invalidMessage(process, e);
            } catch (UncheckedIOException e) {
                checkInterrupted();
                throw ConnectorException.system("cannot read the output of " + role + " " + name, e);
            }
            checkInterrupted();
            int code = process.waitForExit();
            if (code != 0) {
                throw process.exitFailure(code);
            }
            return result.orElseThrow(() -> process.traceFailure().orElseGet(() -> ConnectorException.system(
                    role + " " + name + " printed no " + expected + " message", null)));
        }
    }

    /** Logs and error traces outside a sync go to this class's log. */
    private void handleSideMessage(ConnectorProcess process, Message message) {
        if (message instanceof LogMessage log) {
            log(log.level(), log.message());
        } else if (message instanceof TraceMessage trace && trace.error().isPresent()) {
            process.rememberError(trace.error().get());
        }
    }

    void log(LogMessage.Level level, String message) {
        switch (level) {
            case FATAL, ERROR -> LOG.error("[{}] {}", name, message);
            case WARN -> LOG.warn("[{}] {}", name, message);
            case INFO -> LOG.info("[{}] {}", name, message);
            case DEBUG, TRACE -> LOG.debug("[{}] {}", name, message);
        }
    }

    /** An invalid line; when the process was killed over its memory limit (mid-line), that is the failure. */
    ConnectorException invalidMessage(ConnectorProcess process, ProtocolException e) {
        return process.memoryFailure().orElseGet(() ->
                ConnectorException.system(role + " " + name + " printed an invalid message: " + e.getMessage(), e));
    }

    /** After the output ended: was that because the calling thread was interrupted (cancelled)? */
    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new SyncCancelledException();
        }
    }

    List<String> arguments(String... args) {
        return new ArrayList<>(List.of(args));
    }
}
