package io.sluice.connectors.file;

import io.sluice.connectors.files.FileLocation;
import io.sluice.connectors.files.LocalFileLocation;
import io.sluice.connectors.files.S3Clients;
import io.sluice.connectors.files.S3ObjectLocation;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/** The configured file's location, with the S3 client it needs (closed with it). */
record OpenedFile(FileLocation location, AutoCloseable resources) implements AutoCloseable {

    static OpenedFile of(FileConfig config) {
        return switch (config.storage()) {
            case HTTPS -> new OpenedFile(HttpFileLocation.of(config.url(), config.userAgent()), () -> { });
            case S3 -> {
                S3Url url = S3Url.of(config.url()).orElseThrow();
                S3Client client = S3Clients.create(config.s3());
                yield new OpenedFile(new S3ObjectLocation(client, config.s3(), url.bucket(), url.key()), client);
            }
            case LOCAL -> new OpenedFile(new LocalFileLocation(localPath(config.url()), "url"), () -> { });
        };
    }

    private static Path localPath(String url) {
        return url.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(url)) : Path.of(url);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            // closing a client has nothing left to lose
        }
    }
}
