package io.sluice.connectors.files;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * How to parse a file.
 *
 * @param csv delimiter, quote, header and encoding for CSV and TSV
 * @param jsonEncoding the encoding of JSON text, or empty to detect UTF-8/16/32
 */
public record ReadOptions(FileFormat format, CsvOptions csv, Optional<Charset> jsonEncoding) {

    public ReadOptions {
        requireNonNull(format, "format");
        requireNonNull(csv, "csv");
        requireNonNull(jsonEncoding, "jsonEncoding");
    }

    /** The format with its default options (TSV: tab-separated). */
    public static ReadOptions of(FileFormat format) {
        return new ReadOptions(format, format == FileFormat.TSV ? CsvOptions.tsv() : CsvOptions.csv(),
                Optional.empty());
    }
}
