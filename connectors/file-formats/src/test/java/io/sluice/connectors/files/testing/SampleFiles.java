package io.sluice.connectors.files.testing;

import io.sluice.cdk.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The same three records in every format the file sources read, with the rows and column types
 * a reader must give for them: a quoted comma and quotes, non-ASCII text, a decimal, a boolean,
 * a date, a UTC timestamp and a row of nulls.
 */
public final class SampleFiles {
    public static final List<String> COLUMNS = List.of("id", "name", "amount", "active", "day", "updated_at");
    public static final List<ValueType> TYPES = List.of(ValueType.INTEGER, ValueType.STRING, ValueType.NUMBER,
            ValueType.BOOLEAN, ValueType.DATE, ValueType.TIMESTAMP_TZ);
    public static final List<Object[]> ROWS = List.of(
            new Object[] {1L, "Ann", 9.5, true, LocalDate.of(2024, 1, 31), Instant.parse("2024-01-31T10:00:00Z")},
            new Object[] {2L, "Bob, \"Jr\"", 10.25, false, LocalDate.of(2024, 2, 1),
                    Instant.parse("2024-02-01T11:30:00Z")},
            new Object[] {3L, "Zoë", null, null, null, null});

    public static final String CSV = """
            id,name,amount,active,day,updated_at
            1,Ann,9.5,true,2024-01-31,2024-01-31T10:00:00Z
            2,"Bob, ""Jr\"\"",10.25,false,2024-02-01,2024-02-01T11:30:00Z
            3,Zoë,,,,
            """;
    public static final String TSV = CSV.replace(",", "\t").replace("\"Bob\t \"\"Jr\"\"\"", "\"Bob, \"\"Jr\"\"\"");
    public static final String JSONL = """
            {"id": 1, "name": "Ann", "amount": 9.5, "active": true, "day": "2024-01-31", "updated_at": "2024-01-31T10:00:00Z"}
            {"id": 2, "name": "Bob, \\"Jr\\"", "amount": 10.25, "active": false, "day": "2024-02-01", "updated_at": "2024-02-01T11:30:00Z"}
            {"id": 3, "name": "Zoë", "amount": null, "active": null, "day": null, "updated_at": null}
            """;
    public static final String JSON = "[" + String.join(",\n", JSONL.strip().split("\n")) + "]";
    private static final String PARQUET_SELECT = """
            SELECT * FROM (VALUES
              (1::BIGINT, 'Ann', 9.5::DOUBLE, true, DATE '2024-01-31', TIMESTAMPTZ '2024-01-31 10:00:00+00'),
              (2, 'Bob, "Jr"', 10.25, false, DATE '2024-02-01', TIMESTAMPTZ '2024-02-01 11:30:00+00'),
              (3, 'Zoë', NULL, NULL, NULL, NULL)
            ) t(id, name, amount, active, day, updated_at)""";

    private SampleFiles() {}

    /** The sample's bytes in a format: csv, tsv, json, jsonl or parquet (written by DuckDB, ZSTD). */
    public static byte[] bytes(String format, Path scratch) throws IOException, SQLException {
        return switch (format) {
            case "csv" -> CSV.getBytes(StandardCharsets.UTF_8);
            case "tsv" -> TSV.getBytes(StandardCharsets.UTF_8);
            case "json" -> JSON.getBytes(StandardCharsets.UTF_8);
            case "jsonl" -> JSONL.getBytes(StandardCharsets.UTF_8);
            case "parquet" -> Files.readAllBytes(parquet(scratch.resolve("sample-" + System.nanoTime() + ".parquet"),
                    PARQUET_SELECT, "zstd"));
            default -> throw new IllegalArgumentException(format);
        };
    }

    /** Writes {@code select}'s rows as a Parquet file with the codec (uncompressed, snappy, gzip, zstd). */
    public static Path parquet(Path file, String select, String codec) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec + ")");
        }
        return file;
    }

    public static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** A zip archive whose entries hold the given contents, named part-0, part-1, ... */
    public static byte[] zip(String extension, byte[]... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i++) {
                zip.putNextEntry(new ZipEntry("part-" + i + "." + extension));
                zip.write(entries[i]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
