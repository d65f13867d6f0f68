package io.sluice.connectors.files;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** A file on local disk. */
public record LocalFileLocation(Path path, String field) implements FileLocation {

    /** @param field the config field that names the path, for messages */
    public LocalFileLocation {
        requireNonNull(path, "path");
        requireNonNull(field, "field");
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public InputStream open() throws IOException {
        if (Files.isDirectory(path)) {
            throw ConnectorException.config(field + ": " + path + " is a directory, not a file");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw ConnectorException.config(field + ": file " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw ConnectorException.config(field + ": file " + path + " cannot be read (permission denied)");
        }
    }

    @Override
    public Optional<Path> localPath() {
        return Optional.of(path);
    }
}
