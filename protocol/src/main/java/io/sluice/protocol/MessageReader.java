package io.sluice.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads JSON-lines Airbyte messages, as a connector prints them. A line that is not JSON (a stray
 * print from a connector) comes back as an INFO {@link LogMessage}; blank lines are skipped; a line
 * that is JSON but not a valid message throws {@link ProtocolException} naming its line number.
 * Not thread-safe: one reader per stream, read from one thread.
 */
public final class MessageReader implements AutoCloseable {
    private final BufferedReader lines;
    private final MessageCodec codec = new MessageCodec();
    private long lineNumber;

    public MessageReader(Reader reader) {
        this.lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    }

    public MessageReader(InputStream in) {
        this(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next message, or empty at the end of input. */
    public Optional<Message> next() {
        while (true) {
            String line;
            try {
                line = lines.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                return Optional.empty();
            }
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            JsonNode node = parseOrNull(trimmed);
            if (node == null || !node.isObject()) {
                return Optional.of(new LogMessage(LogMessage.Level.INFO, line));
            }
            try {
                return Optional.of(codec.decode(node));
            } catch (ProtocolException e) {
                throw new ProtocolException("line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
    }

    /** How many lines have been read so far; the last message came from this line. */
    public long lineNumber() {
        return lineNumber;
    }

    private static JsonNode parseOrNull(String line) {
        if (line.charAt(0) != '{') {
            return null;
        }
        try {
            return MessageCodec.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
