package io.sluice.connectors.s3.destination;

import static io.sluice.cdk.testkit.ListRecordInput.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format, codec and compression, read back by DuckDB with exact values and types. */
class FormatsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    @ValueSource(strings = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD"})
    void parquetHoldsEveryTypeExactly(String codec) throws Exception {
        List<Path> files = writeRich(S3Fixture.parquet(codec));
        assertThat(files).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".parquet"));
        Path file = files.getFirst();

        assertThat(DuckDbFiles.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
                .extracting(r -> r.get("compression")).containsExactly(codec);
        Map<String, String> types = DuckDbFiles.types("read_parquet", file);
        assertThat(types).containsExactly(
                Map.entry("_airbyte_ab_id", "VARCHAR"), Map.entry("_airbyte_emitted_at", "TIMESTAMP WITH TIME ZONE"),
                Map.entry("id", "BIGINT"), Map.entry("name", "VARCHAR"), Map.entry("price", "DOUBLE"),
                Map.entry("amount", "DECIMAL(12,2)"), Map.entry("big", "DECIMAL(30,4)"), Map.entry("active", "BOOLEAN"),
                Map.entry("born", "DATE"), Map.entry("updated_at", "TIMESTAMP WITH TIME ZONE"),
                Map.entry("local_ts", "TIMESTAMP"), Map.entry("alarm", "TIME"), Map.entry("meta", "VARCHAR"),
                Map.entry("tags", "VARCHAR"), Map.entry("anything", "VARCHAR"));
        assertThat(DuckDbFiles.query("SELECT meta->>'city' AS city, json_array_length(tags)::BIGINT AS tags FROM read_parquet('"
                + file + "') WHERE id = 1")).containsExactly(Map.of("city", "Zürich", "tags", 2L));

        List<Map<String, Object>> rows = DuckDbFiles.query("id, name, price, amount::VARCHAR AS amount, "
                + "big::VARCHAR AS big, active, born::VARCHAR AS born, epoch_us(updated_at) AS updated_us, "
                + "local_ts::VARCHAR AS local_ts, alarm::VARCHAR AS alarm, meta::VARCHAR AS meta, tags::VARCHAR AS tags, "
                + "anything::VARCHAR AS anything, length(_airbyte_ab_id) AS id_length, "
                + "epoch_ms(_airbyte_emitted_at) > 1700000000000 AS emitted_recently", "read_parquet", file, "ORDER BY id");
        assertThat(rows).containsExactly(
                row("id", 1L, "name", "Zoë, \"quoted\"\nline 日本", "price", 12.5, "amount", "1234.56",
                        "big", "12345678901234567890.1234", "active", true, "born", "2024-02-29",
                        "updated_us", 1709296496123456L, "local_ts", "2024-03-01 01:02:03.5", "alarm", "13:14:15",
                        "meta", "{\"city\":\"Zürich\",\"zip\":8001}", "tags", "[\"a\",\"b\"]", "anything", "42",
                        "id_length", 36L, "emitted_recently", true),
                row("id", 2L, "name", null, "price", null, "amount", null, "big", null, "active", null, "born", null,
                        "updated_us", null, "local_ts", null, "alarm", null, "meta", null, "tags", null,
                        "anything", null, "id_length", 36L, "emitted_recently", true),
                row("id", 3L, "name", "", "price", -0.25, "amount", "-0.01", "big", "-1.5000", "active", false,
                        "born", "1969-12-31", "updated_us", -1_000_000L, "local_ts", "1999-12-31 23:59:59",
                        "alarm", "00:00:00", "meta", "{}", "tags", "[]", "anything", "\"text\"",
                        "id_length", 36L, "emitted_recently", true));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void csvWithoutFlatteningHasAirbytesThreeColumns(boolean gzip) throws Exception {
        List<Path> files = writeRich(S3Fixture.csv(false, gzip));
        assertThat(files).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(gzip ? ".csv.gz" : ".csv"));

        List<Map<String, Object>> rows = DuckDbFiles.query("*", "read_csv", files.getFirst(), "");
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst().keySet()).containsExactly("_airbyte_ab_id", "_airbyte_emitted_at", "_airbyte_data");
        assertThat(rows).extracting(r -> JSON.readTree((String) r.get("_airbyte_data")))
                .containsExactly(expectedData(1), expectedData(2), expectedData(3));
        assertThat(rows).allSatisfy(r -> assertThat(((Number) r.get("_airbyte_emitted_at")).longValue())
                .isGreaterThan(1_700_000_000_000L));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void csvWithRootLevelFlatteningHasAColumnPerField(boolean gzip) throws Exception {
        List<Path> files = writeRich(S3Fixture.csv(true, gzip));

        // all_varchar: the text as written; allow_quoted_nulls=false: "" is an empty string, an empty field NULL
        List<Map<String, Object>> rows = DuckDbFiles.query("SELECT * EXCLUDE (_airbyte_ab_id, _airbyte_emitted_at) "
                + "FROM read_csv('" + files.getFirst() + "', all_varchar = true, allow_quoted_nulls = false)");
        assertThat(rows).containsExactly(
                row("id", "1", "name", "Zoë, \"quoted\"\nline 日本", "price", "12.5", "amount", "1234.56",
                        "big", "12345678901234567890.1234", "active", "true", "born", "2024-02-29",
                        "updated_at", "2024-03-01T12:34:56.123456Z", "local_ts", "2024-03-01T01:02:03.5",
                        "alarm", "13:14:15", "meta", "{\"city\":\"Zürich\",\"zip\":8001}", "tags", "[\"a\",\"b\"]",
                        "anything", "42"),
                row("id", "2", "name", null, "price", null, "amount", null, "big", null, "active", null, "born", null,
                        "updated_at", null, "local_ts", null, "alarm", null, "meta", null, "tags", null, "anything", null),
                row("id", "3", "name", "", "price", "-0.25", "amount", "-0.01", "big", "-1.5", "active", "false",
                        "born", "1969-12-31", "updated_at", "1969-12-31T23:59:59Z", "local_ts", "1999-12-31T23:59:59",
                        "alarm", "00:00:00", "meta", "{}", "tags", "[]", "anything", "text"));
        // with DuckDB's defaults the columns get their types
        assertThat(DuckDbFiles.types("read_csv", files.getFirst())).containsEntry("id", "BIGINT")
                .containsEntry("price", "DOUBLE").containsEntry("active", "BOOLEAN").containsEntry("born", "DATE")
                .containsEntry("updated_at", "TIMESTAMP WITH TIME ZONE");
    }

    @ParameterizedTest
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void jsonLinesHoldTheRecords(boolean flatten, boolean gzip) throws Exception {
        List<Path> files = writeRich(S3Fixture.jsonl(flatten, gzip));
        assertThat(files).singleElement()
                .satisfies(f -> assertThat(f.toString()).endsWith(gzip ? ".jsonl.gz" : ".jsonl"));

        List<Map<String, Object>> lines = DuckDbFiles.query("json::VARCHAR AS line", "read_ndjson_objects",
                files.getFirst(), "");
        List<JsonNode> data = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            ObjectNode object = (ObjectNode) JSON.readTree((String) line.get("line"));
            assertThat(object.get("_airbyte_ab_id").asText()).hasSize(36);
            assertThat(object.get("_airbyte_emitted_at").asLong()).isGreaterThan(1_700_000_000_000L);
            data.add(flatten ? object.without(List.of("_airbyte_ab_id", "_airbyte_emitted_at")) : object.get("_airbyte_data"));
        }
        assertThat(data).containsExactly(expectedData(1), expectedData(2), expectedData(3));

        List<Map<String, Object>> typed = DuckDbFiles.query(flatten ? "id, name" : "_airbyte_data.id AS id, "
                + "_airbyte_data.name AS name", "read_json", files.getFirst(), "ORDER BY id");
        assertThat(typed).extracting(r -> r.get("name")).containsExactly("Zoë, \"quoted\"\nline 日本", null, "");
    }

    @Test
    void anEmptyStreamWritesNoFile() throws Exception {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY"));
        new S3Destination().write(config, RichStream.catalog(DestinationSyncMode.APPEND),
                new ListRecordInput(List.of()), new RecordingAcknowledger());
        assertThat(s3.keys(config.get("s3_bucket_path").asText())).isEmpty();
    }

    private static List<Path> writeRich(ObjectNode format) throws Exception {
        ObjectNode config = s3.config(format);
        new S3Destination().write(config, RichStream.catalog(DestinationSyncMode.APPEND), new ListRecordInput(List.of(
                rows(0, RichStream.ROW_1, RichStream.ROW_2), rows(0, RichStream.ROW_3))), new RecordingAcknowledger());
        return s3.download(config.get("s3_bucket_path").asText() + "/", Files.createTempDirectory(tmp, "formats"));
    }

    /** The record as JSON, as RowJson writes it. */
    private static JsonNode expectedData(int id) throws Exception {
        return JSON.readTree(switch (id) {
            case 1 -> """
                    {"id":1,"name":"Zoë, \\"quoted\\"\\nline 日本","price":12.5,"amount":1234.56,
                     "big":12345678901234567890.1234,"active":true,"born":"2024-02-29",
                     "updated_at":"2024-03-01T12:34:56.123456Z","local_ts":"2024-03-01T01:02:03.5","alarm":"13:14:15",
                     "meta":{"city":"Zürich","zip":8001},"tags":["a","b"],"anything":42}""";
            case 2 -> """
                    {"id":2,"name":null,"price":null,"amount":null,"big":null,"active":null,"born":null,
                     "updated_at":null,"local_ts":null,"alarm":null,"meta":null,"tags":null,"anything":null}""";
            default -> """
                    {"id":3,"name":"","price":-0.25,"amount":-0.01,"big":-1.5,"active":false,"born":"1969-12-31",
                     "updated_at":"1969-12-31T23:59:59Z","local_ts":"1999-12-31T23:59:59","alarm":"00:00:00",
                     "meta":{},"tags":[],"anything":"text"}""";
        });
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

}
