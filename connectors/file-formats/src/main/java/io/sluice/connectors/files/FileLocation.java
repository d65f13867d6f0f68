package io.sluice.connectors.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Where a file's bytes come from: a local path, an HTTP(S) URL, an S3 object. */
public interface FileLocation {

    /** The file's address for messages (a path or URL, never with credentials). */
    String describe();

    /**
     * Opens the file from its start; the caller closes the stream. May be called more than once
     * (schema inference reads the start, the read reads it all).
     *
     * @throws io.sluice.cdk.ConnectorException classified, for a missing file, denied access or
     *     an unreachable server
     */
    InputStream open() throws IOException;

    /** The file on local disk, when it is one (Parquet reads it in place instead of copying it). */
    default Optional<Path> localPath() {
        return Optional.empty();
    }
}
