package io.sluice.connectors.files;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How to read a delimited text file.
 *
 * @param delimiter the field separator
 * @param quote the quote character (a quote inside a quoted field is written twice)
 * @param skipRows records to skip at the start of the file, before the header
 * @param headerRow the index of the header record after the skipped ones (records before it are
 *     dropped), or -1 when the file has no header
 * @param names column names to use instead of the header's (or, without a header, instead of
 *     generated ones); empty to use the header
 * @param generatedNamePrefix without a header or names, columns are named prefix + index
 *     ({@code 0, 1, ...} as pandas names them, or {@code f0, f1, ...})
 */
public record CsvOptions(char delimiter, char quote, Charset encoding, int skipRows, int headerRow, List<String> names,
        String generatedNamePrefix) {

    public CsvOptions {
        requireNonNull(encoding, "encoding");
        names = List.copyOf(names);
        requireNonNull(generatedNamePrefix, "generatedNamePrefix");
        if (skipRows < 0) {
            throw new IllegalArgumentException("skipRows must be >= 0, got " + skipRows);
        }
        if (headerRow < -1) {
            throw new IllegalArgumentException("headerRow must be >= -1, got " + headerRow);
        }
    }

    /** Comma-separated, double quotes, UTF-8, a header in the first record. */
    public static CsvOptions csv() {
        return new CsvOptions(',', '"', StandardCharsets.UTF_8, 0, 0, List.of(), "");
    }

    /** Tab-separated, otherwise as {@link #csv()}. */
    public static CsvOptions tsv() {
        return csv().withDelimiter('\t');
    }

    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, quote, encoding, skipRows, headerRow, names, generatedNamePrefix);
    }

    public boolean hasHeader() {
        return headerRow >= 0;
    }
}
