package io.sluice.connectors.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records as RFC 4180 describes: fields separated by a delimiter,
 * records by CRLF, LF or CR; a quoted field may hold delimiters, line breaks and doubled quotes.
 * Leniencies: text after a closing quote is kept as part of the field, a byte-order mark at the
 * start is dropped, blank lines are skipped. Reads through its own buffer; one record in memory.
 */
final class CsvParser {
    private static final int END = -1;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final char[] buffer = new char[64 * 1024];
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>();
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean started;

    CsvParser(Reader in, char delimiter, char quote) {
        this.in = requireNonNull(in, "in");
        this.delimiter = delimiter;
        this.quote = quote;
    }

    /** The line (1-based) where the record last returned starts. */
    long recordLine() {
        return recordLine;
    }

    /**
     * The next record's fields (an empty field is {@code ""}), or null at the end of the input.
     *
     * @throws BadFileException for a quoted field that never ends
     */
    String[] next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                pos++;
            }
        }
        int c;
        while ((c = peek()) == '\n' || c == '\r') {
            lineBreak(read());
        }
        if (c == END) {
            return null;
        }
        recordLine = line;
        fields.clear();
        while (true) {
            int after = readField();
            fields.add(field.toString());
            if (after == delimiter) {
                continue;
            }
            if (after != END) {
                lineBreak(after);
            }
            return fields.toArray(new String[0]);
        }
    }

    /** Reads one field into {@link #field}; returns what ended it: the delimiter, CR, LF or END. */
    private int readField() throws IOException {
        field.setLength(0);
        int c = read();
        if (c == quote) {
            readQuoted();
            c = read();
        }
        while (c != END && c != delimiter && c != '\n' && c != '\r') {
            field.append((char) c);
            c = read();
        }
        return c;
    }

    private void readQuoted() throws IOException {
        long startLine = line;
        while (true) {
            int c = read();
            if (c == END) {
                throw new BadFileException("line " + startLine + ": a quoted field is never closed (missing "
                        + quote + ")");
            }
            if (c == quote) {
                if (peek() != quote) {
                    return;
                }
                read();
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                    field.append('\r');
                    c = '\n';
                }
                line++;
            }
            field.append((char) c);
        }
    }

    private void lineBreak(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return END;
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return END;
        }
        return buffer[pos];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
