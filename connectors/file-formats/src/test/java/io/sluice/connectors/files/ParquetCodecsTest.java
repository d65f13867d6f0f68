package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parquet files as DuckDB writes them, in every codec, read back with exact values and types. */
class ParquetCodecsTest {
    static final String SELECT = """
            SELECT * FROM (VALUES
              (1::BIGINT, 'Ann', 9.5::DOUBLE, true, DATE '2024-01-31', TIMESTAMP '2024-01-31 10:00:00.123456',
               TIMESTAMPTZ '2024-01-31 10:00:00+00', 12.34::DECIMAL(10,2), 7::INTEGER, {'k': 'v'}, [1, 2]),
              (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
            ) t(id, name, price, active, day, ts, ts_tz, amount, small, meta, nums)
            """;

    @TempDir
    Path dir;

    /** Writes {@code select}'s rows as a Parquet file with the codec. */
    static Path parquet(Path file, String select, String codec) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec + ")");
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"uncompressed", "snappy", "gzip", "zstd"})
    void everyCodecReadsBackExactly(String codec) throws SQLException, IOException {
        Path file = parquet(dir.resolve(codec + ".parquet"), SELECT, codec);
        assertThat(Files.size(file)).isPositive();
        ReadOptions options = ReadOptions.of(FileFormat.PARQUET);
        SchemaInference inference = new SchemaInference(false);
        FileReading.sample(new LocalFileLocation(file, "url"), options, 100, inference);
        RowSchema schema = RowSchema.of(inference.jsonSchema());

        assertThat(schema.columns()).extracting(RowSchema.Column::type).containsExactly(ValueType.INTEGER,
                ValueType.STRING, ValueType.NUMBER, ValueType.BOOLEAN, ValueType.DATE, ValueType.TIMESTAMP,
                ValueType.TIMESTAMP_TZ, ValueType.NUMBER, ValueType.INTEGER, ValueType.OBJECT, ValueType.ARRAY);
        List<Object[]> rows = new ArrayList<>();
        FileReading.read(new LocalFileLocation(file, "url"), options, new RowAssembler(schema), rows::add);
        assertThat(rows).containsExactly(
                new Object[] {1L, "Ann", 9.5, true, LocalDate.of(2024, 1, 31),
                        LocalDateTime.parse("2024-01-31T10:00:00.123456"), Instant.parse("2024-01-31T10:00:00Z"),
                        new BigDecimal("12.34"), 7L, Map.of("k", "v"), List.of(1L, 2L)},
                new Object[] {2L, null, null, null, null, null, null, null, null, null, null});
    }
}
