package io.sluice.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.engine.NamespaceMapping;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One headless sync described in YAML: what to read, where to write, which streams, how.
 *
 * @param continuous a CDC source follows its log until the run is stopped (Ctrl-C), instead of
 *     ending once caught up
 */
public record Pipeline(
        String name,
        ConnectorRef source,
        ConnectorRef destination,
        List<StreamSelection> streams,
        NamespaceMapping namespace,
        Path stateFile,
        boolean continuous) {

    public Pipeline {
        requireNonNull(name, "name");
        requireNonNull(source, "source");
        requireNonNull(destination, "destination");
        streams = List.copyOf(streams);
        requireNonNull(namespace, "namespace");
        requireNonNull(stateFile, "stateFile");
    }

    /** A built-in connector by name, or an external Airbyte-protocol executable, with its config. */
    public record ConnectorRef(Optional<String> connector, List<String> command, ObjectNode config) {
        public ConnectorRef {
            requireNonNull(connector, "connector");
            command = List.copyOf(command);
            requireNonNull(config, "config");
        }

        /** For messages: the connector name or the command line. */
        public String label() {
            return connector.orElseGet(() -> String.join(" ", command));
        }
    }

    /** One stream to sync; unset modes fall back to the stream's defaults. */
    public record StreamSelection(
            String name,
            Optional<String> namespace,
            Optional<SyncMode> syncMode,
            Optional<DestinationSyncMode> destinationSyncMode,
            List<String> cursorField,
            List<List<String>> primaryKey) {
        public StreamSelection {
            requireNonNull(name, "name");
            cursorField = List.copyOf(cursorField);
            primaryKey = primaryKey.stream().map(List::copyOf).toList();
        }
    }
}
