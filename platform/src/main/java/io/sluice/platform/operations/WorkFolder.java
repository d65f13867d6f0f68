package io.sluice.platform.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A fresh folder only this user can enter (0700), deleted with everything in it by {@link #close()}. */
final class WorkFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkFolder.class);

    private final Path path;

    private WorkFolder(Path path) {
        this.path = path;
    }

    /** A new private folder under {@code parent}, named {@code prefix} and a random part. */
    static WorkFolder create(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            return new WorkFolder(Files.createTempDirectory(parent, prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder under " + parent, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete the work folder {}: {}", path, e.getMessage());
        }
    }
}
