package io.sluice.platform.jobs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One attempt's log file: timestamped lines, appended from any thread. */
public final class AttemptLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    /** How many lines {@code jobs/get} returns at most (the last ones). */
    private static final int MAX_LINES = 5000;

    private final Path file;
    private BufferedWriter writer;

    private AttemptLog(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    public static AttemptLog open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new AttemptLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    public Path file() {
        return file;
    }

    /** Writes {@code 2024-05-01 10:00:00.000 INFO  message}; a closed log drops the line. */
    public synchronized void write(Instant time, String level, String message) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(TIME.format(time) + " " + String.format("%-5s", level) + " " + message);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            LOG.warn("cannot write to the attempt log {}: {}", file, e.getMessage());
        }
    }

    public void info(String message) {
        write(Instant.now(), "INFO", message);
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.warn("cannot close the attempt log {}: {}", file, e.getMessage());
            }
            writer = null;
        }
    }

    /** The log's lines (the last {@value #MAX_LINES}); empty when the file is missing. */
    public static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.size() <= MAX_LINES ? lines : lines.subList(lines.size() - MAX_LINES, lines.size());
        } catch (IOException e) {
            LOG.warn("cannot read the attempt log {}: {}", file, e.getMessage());
            return List.of();
        }
    }
}
