package io.sluice.connectors.files;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats the file sources read. */
public enum FileFormat {
    CSV,
    TSV,
    JSON,
    JSONL,
    PARQUET;

    /** The format's name as configs spell it ({@code csv}, {@code jsonl}, ...). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a config names, case-insensitively; empty for a format Sluice does not read. */
    public static Optional<FileFormat> fromConfig(String name) {
        return Arrays.stream(values()).filter(f -> f.configName().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The config names of every format, for messages. */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(FileFormat::configName).toList();
    }

    /** Whether the format's values arrive as text whose type must be guessed (CSV, TSV). */
    public boolean isText() {
        return this == CSV || this == TSV;
    }
}
