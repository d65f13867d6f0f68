package io.sluice.connectors.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.HashSet;
import java.util.Set;

/**
 * Records of a delimited text file: each field a String, null when empty. Every record must have
 * as many fields as the header (or the first record, without a header); one that has not is a
 * {@link BadFileException} naming its line.
 */
final class CsvRecordReader implements RecordReader {
    private final CsvParser parser;
    private final CsvOptions options;
    private String[] names;

    CsvRecordReader(InputStream in, CsvOptions options) throws IOException {
        this.parser = new CsvParser(new InputStreamReader(in, options.encoding().newDecoder()), options.delimiter(),
                options.quote());
        this.options = options;
        for (int i = 0; i < options.skipRows(); i++) {
            if (parser.next() == null) {
                return;
            }
        }
        if (options.hasHeader()) {
            String[] header = null;
            for (int i = 0; i <= options.headerRow(); i++) {
                header = parser.next();
                if (header == null) {
                    return;
                }
            }
            names = options.names().isEmpty() ? uniqueNames(header) : namesGiven(header.length);
        } else if (!options.names().isEmpty()) {
            names = options.names().toArray(new String[0]);
        }
    }

    @Override
    public boolean next(FieldSink sink) throws IOException {
        String[] values = parser.next();
        if (values == null) {
            return false;
        }
        if (names == null) {
            names = generatedNames(values.length);
        }
        if (values.length != names.length) {
            throw new BadFileException(position() + ": expected " + names.length + " fields"
                    + (options.hasHeader() ? " (as in the header)" : "") + ", found " + values.length
                    + " (is the delimiter '" + printable(options.delimiter()) + "' right?)");
        }
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            sink.field(names[i], value.isEmpty() ? null : value);
        }
        return true;
    }

    @Override
    public String position() {
        return "line " + parser.recordLine();
    }

    @Override
    public void close() {
        // the caller owns the stream
    }

    private String[] namesGiven(int headerSize) {
        if (options.names().size() != headerSize) {
            throw new BadFileException("line " + parser.recordLine() + ": the header has " + headerSize
                    + " fields but " + options.names().size() + " names are given");
        }
        return options.names().toArray(new String[0]);
    }

    /** Header names made unique as pandas does: a repeated {@code a} becomes {@code a.1}; a blank one {@code Unnamed: i}. */
    private static String[] uniqueNames(String[] header) {
        String[] names = new String[header.length];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].isBlank() ? "Unnamed: " + i : header[i];
            String unique = name;
            for (int k = 1; !used.add(unique); k++) {
                unique = name + "." + k;
            }
            names[i] = unique;
        }
        return names;
    }

    private String[] generatedNames(int count) {
        String[] generated = new String[count];
        for (int i = 0; i < count; i++) {
            generated[i] = options.generatedNamePrefix() + i;
        }
        return generated;
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }
}
