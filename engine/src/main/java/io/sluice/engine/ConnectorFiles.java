package io.sluice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.cdk.ConnectorException;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private temporary directory holding the JSON files an external connector is given (config,
 * catalog, state); deleted on close. Owner-only permissions: a config may hold secrets.
 */
final class ConnectorFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorFiles.class);

    private final Path dir;

    private ConnectorFiles(Path dir) {
        this.dir = dir;
    }

    static ConnectorFiles create(String connectorName) {
        try {
            String prefix = "sluice-" + connectorName.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
            Path dir;
            try {
                dir = Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                dir = Files.createTempDirectory(prefix);
            }
            return new ConnectorFiles(dir);
        } catch (IOException e) {
            throw ConnectorException.system("cannot create a temporary directory for " + connectorName, e);
        }
    }

    /** Writes a value as JSON into the directory and returns the file's path. */
    Path write(String fileName, Object value) {
        Path file = dir.resolve(fileName);
        try {
            Files.write(file, MessageCodec.mapper().writeValueAsBytes(value));
            return file;
        } catch (JsonProcessingException e) {
            throw ConnectorException.system("cannot write " + fileName + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw ConnectorException.system("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ConnectorFiles::delete);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete the temporary directory {}: {}", dir, e.getMessage());
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
