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
 * Reads JSON-lines Airbyte messages, as a connector prints them. A line that does not start with
 * {@code {} (a stray print from a connector) comes back as an INFO {@link LogMessage}; blank lines
 * are skipped; a line that starts with {@code {} but is malformed JSON or not a valid message throws
 * {@link ProtocolException} naming its line number. NaN and Infinity (as Python writes them) are
 * accepted as numbers.
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
            if (trimmed.charAt(0) != '{') {
                return Optional.of(new LogMessage(LogMessage.Level.INFO, line));
            }
            JsonNode node = parse(trimmed);
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

    /**
     * A line that starts like a JSON object must be one: a broken message is an error, never a log
     * line, or a RECORD could vanish silently. The message names the position, not the content
     * (which may hold record data).
     */
    private JsonNode parse(String line) {
        try {
            return MessageCodec.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new ProtocolException("line " + lineNumber + ": malformed JSON" + where, e);
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
