package io.sluice.connectors.s3.destination;

import static io.sluice.cdk.testkit.ListRecordInput.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many rows of every type through small pages, small dictionaries and several row groups: columns
 * that start dictionary-encoded and fall back to PLAIN part-way, columns that keep their dictionary,
 * nulls scattered over pages, with and without dictionary encoding. DuckDB reads every value back.
 */
class ParquetPagesIT {
    private static final int ROWS = 30_000;
    private static S3Fixture s3;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Fixture.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyValueOfEveryPageReadsBack(boolean dictionary) throws Exception {
        ObjectNode format = S3Fixture.parquet("SNAPPY").put("block_size_mb", 1).put("page_size_kb", 8)
                .put("dictionary_page_size_kb", 4).put("dictionary_encoding", dictionary);
        ObjectNode config = s3.config(format);
        List<Chunk> batches = new ArrayList<>();
        for (int from = 0; from < ROWS; from += 1000) {
            Object[][] batch = new Object[1000][];
            for (int i = 0; i < 1000; i++) {
                batch[i] = row(from + i);
            }
            batches.add(rows(0, batch));
        }
        new S3Destination().write(config, RichStream.catalog(DestinationSyncMode.APPEND), new ListRecordInput(batches),
                new RecordingAcknowledger());
        List<Path> files = s3.download(config.get("s3_bucket_path").asText() + "/",
                Files.createTempDirectory(tmp, "pages"));
        Path file = files.getFirst();
        assertThat(files).hasSize(1);

        List<Map<String, Object>> groups = DuckDbFiles.query("SELECT count(DISTINCT row_group_id) AS groups, "
                + "string_agg(DISTINCT encodings, ',') AS encodings FROM parquet_metadata('" + file + "')");
        assertThat((Long) groups.getFirst().get("groups")).isGreaterThan(1L);
        if (dictionary) {
            assertThat((String) groups.getFirst().get("encodings")).contains("PLAIN_DICTIONARY").contains("PLAIN");
            // the unique ids give up their dictionary within the first page, and later row groups start PLAIN
            List<Map<String, Object>> ids = DuckDbFiles.query("SELECT row_group_id, encodings FROM parquet_metadata('"
                    + file + "') WHERE path_in_schema = 'id' ORDER BY row_group_id");
            assertThat(ids).hasSizeGreaterThan(1)
                    .allSatisfy(group -> assertThat((String) group.get("encodings")).doesNotContain("DICTIONARY"));
        } else {
            assertThat((String) groups.getFirst().get("encodings")).doesNotContain("DICTIONARY");
        }

        List<Map<String, Object>> read = DuckDbFiles.query("id, name, price, amount::VARCHAR AS amount, "
                + "big::VARCHAR AS big, active, born::VARCHAR AS born, epoch_us(updated_at) AS updated_us, "
                + "local_ts::VARCHAR AS local_ts, alarm::VARCHAR AS alarm, meta::VARCHAR AS meta, tags::VARCHAR AS tags, "
                + "anything::VARCHAR AS anything, length(_airbyte_ab_id) AS id_length", "read_parquet", file,
                "ORDER BY id");
        assertThat(read).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(read.get(i)).as("row %d", i).isEqualTo(expected(i));
        }
    }

    /** Row {@code i}: unique ids, names and timestamps; few distinct prices, flags and dates; nulls every few rows. */
    private static Object[] row(int i) {
        boolean nulls = i % 7 == 3;
        return new Object[] {(long) i, nulls ? null : "name " + i + " ü", nulls ? null : (i % 50) / 4.0,
                nulls ? null : BigDecimal.valueOf(i - 15_000, 2), i % 11 == 5 ? null : new BigDecimal(i + "12345678901234.5678"),
                i % 5 == 1 ? null : i % 3 == 0, nulls ? null : LocalDate.ofEpochDay(i % 400 - 200),
                nulls ? null : Instant.ofEpochSecond(1_700_000_000L + i * 61L, (i % 1000) * 1000L),
                nulls ? null : LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(i * 7L),
                nulls ? null : LocalTime.ofSecondOfDay(i % 86_400), nulls ? null : RichStream.map("n", (long) i),
                nulls ? null : List.of("t" + (i % 3)), nulls ? null : (long) (i % 13)};
    }

    private static Map<String, Object> expected(int i) {
        Object[] v = row(i);
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", (long) i);
        row.put("name", v[1]);
        row.put("price", v[2]);
        row.put("amount", v[3] == null ? null : ((BigDecimal) v[3]).toPlainString());
        row.put("big", v[4] == null ? null : ((BigDecimal) v[4]).toPlainString());
        row.put("active", v[5]);
        row.put("born", v[6] == null ? null : v[6].toString());
        row.put("updated_us", v[7] == null ? null : ParquetColumn.epochMicros((Instant) v[7]));
        row.put("local_ts", v[8] == null ? null : v[8].toString().replace('T', ' ') + (((LocalDateTime) v[8])
                .getSecond() == 0 ? ":00" : ""));
        row.put("alarm", v[9] == null ? null : v[9].toString() + (((LocalTime) v[9]).getSecond() == 0 ? ":00" : ""));
        row.put("meta", v[10] == null ? null : "{\"n\":" + i + "}");
        row.put("tags", v[11] == null ? null : "[\"t" + (i % 3) + "\"]");
        row.put("anything", v[12] == null ? null : String.valueOf(i % 13));
        row.put("id_length", 36L);
        return row;
    }
}
