package io.sluice.platform.jobs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.ArrayList;
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

    /**
     * Whole lines of the log from byte {@code offset} on, at most about {@code maxBytes} of them,
     * and the offset to read on from: a line still being written (no newline yet) is left for the
     * next read, so a reader following a running attempt gets each line once and whole. An offset
     * past the end (a file replaced by a shorter one) reads from the start.
     *
     * @param offset a {@link Chunk#next()} of an earlier read, or 0
     */
    public static Chunk readFrom(Path file, long offset, int maxBytes) {
        if (offset < 0 || maxBytes < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and maxBytes >= 1");
        }
        if (!Files.exists(file)) {
            return new Chunk(List.of(), 0, false);
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            long from = offset > size ? 0 : offset;
            byte[] buffer = new byte[(int) Math.min(maxBytes, size - from)];
            in.seek(from);
            in.readFully(buffer);
            int end = buffer.length;
            while (end > 0 && buffer[end - 1] != '\n') {
                end--;
            }
            if (end == 0 && buffer.length == maxBytes) {
                end = buffer.length; // one line longer than maxBytes: hand it over in pieces
            }
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < end; i++) {
                if (buffer[i] == '\n' || i == end - 1) {
                    int stop = buffer[i] == '\n' ? i : i + 1;
                    if (stop > start && buffer[stop - 1] == '\r') {
                        stop--;
                    }
                    lines.add(new String(buffer, start, stop - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return new Chunk(lines, from + end, size - from > maxBytes);
        } catch (IOException e) {
            LOG.warn("cannot read the attempt log {}: {}", file, e.getMessage());
            return new Chunk(List.of(), offset, false);
        }
    }

    /**
     * Where the last {@code maxBytes} of the log begin, at the start of a line: the offset from which
     * a page shows a long log's end.
     */
    public static long tailOffset(Path file, int maxBytes) {
        try {
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size <= maxBytes) {
                return 0;
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long at = size - maxBytes;
                in.seek(at);
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    at++;
                }
                return Math.min(at + 1, size);
            }
        } catch (IOException e) {
            LOG.warn("cannot read the attempt log {}: {}", file, e.getMessage());
            return 0;
        }
    }

    /**
     * Lines read by {@link #readFrom}.
     *
     * @param next the byte offset after the last whole line read
     * @param more whether {@code maxBytes} cut the read short (more whole lines may follow at once)
     */
    public record Chunk(List<String> lines, long next, boolean more) {
        public Chunk {
            lines = List.copyOf(lines);
        }
    }
}
