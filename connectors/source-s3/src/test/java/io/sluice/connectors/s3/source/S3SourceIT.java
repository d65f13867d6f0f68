package io.sluice.connectors.s3.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.connectors.files.testing.S3TestServer;
import io.sluice.connectors.files.testing.SampleFiles;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.SyncMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams over globs, every format, incremental by modification time, and errors, against S3Proxy. */
class S3SourceIT {
    private static S3TestServer s3;
    private final S3Source source = new S3Source();
    private String bucket;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3TestServer();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @BeforeEach
    void bucket() {
        bucket = "b-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(bucket);
    }

    private void put(String key, String text) {
        s3.put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The rows without the last-modified column (its value depends on the clock), ordered as read. */
    private static List<List<Object>> withoutModified(AirbyteStream stream, List<Object[]> rows) {
        int lastModified = RowSchema.of(stream.jsonSchema()).indexOf(StreamSchemas.LAST_MODIFIED_COLUMN).orElseThrow();
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : rows) {
            List<Object> values = new ArrayList<>(Arrays.asList(row));
            values.remove(lastModified);
            out.add(values);
        }
        return out;
    }

    @Test
    void oneStreamPerEntryOverItsGlobsInEveryFormat() throws Exception {
        put("sales/2024/a.csv", SampleFiles.CSV);
        s3.put(bucket, "sales/2024/b.csv.gz", SampleFiles.gzip("id,name\n9,Zed\n".getBytes(StandardCharsets.UTF_8)));
        put("sales/readme.txt", "not data");
        put("events/day-1.jsonl", SampleFiles.JSONL);
        put("events/day-10.jsonl", "{\"id\": 99}\n");
        s3.put(bucket, "lake/part-0.parquet", SampleFiles.bytes("parquet", dir));
        s3.put(bucket, "lake/deep/part-1.zip", SampleFiles.zip("parquet", SampleFiles.bytes("parquet", dir)));
        ObjectNode config = Buckets.config(s3, bucket);
        Buckets.stream(config, "sales", "csv", "sales/**/*.csv", "sales/**/*.csv.gz");
        Buckets.stream(config, "events", "jsonl", "events/day-?.jsonl");
        Buckets.stream(config, "lake", "parquet", "lake/**");

        Catalog catalog = source.discover(config);
        CollectingEmitter out = Buckets.read(source, config, Buckets.catalog(catalog, SyncMode.FULL_REFRESH),
                InputState.empty());

        assertThat(catalog.streams()).extracting(AirbyteStream::name).containsExactly("sales", "events", "lake");
        for (AirbyteStream stream : catalog.streams()) {
            RowSchema schema = RowSchema.of(stream.jsonSchema());
            assertThat(schema.columns()).extracting(RowSchema.Column::name).endsWith(
                    "_ab_source_file_last_modified", "_ab_source_file_url");
            assertThat(stream.defaultCursorField()).containsExactly("_ab_source_file_last_modified");
            assertThat(stream.supportedSyncModes()).contains(SyncMode.INCREMENTAL);
        }
        assertThat(RowSchema.of(catalog.streams().get(2).jsonSchema()).columns()).extracting(RowSchema.Column::type)
                .startsWith(SampleFiles.TYPES.toArray(ValueType[]::new));
        assertThat(withoutModified(catalog.streams().get(0), out.rows(0))).containsExactlyInAnyOrder(
                row(SampleFiles.ROWS.get(0), "sales/2024/a.csv"), row(SampleFiles.ROWS.get(1), "sales/2024/a.csv"),
                row(SampleFiles.ROWS.get(2), "sales/2024/a.csv"),
                padded(List.of(9L, "Zed"), 6, "sales/2024/b.csv.gz"));
        assertThat(withoutModified(catalog.streams().get(1), out.rows(1))).containsExactly(
                row(SampleFiles.ROWS.get(0), "events/day-1.jsonl"), row(SampleFiles.ROWS.get(1), "events/day-1.jsonl"),
                row(SampleFiles.ROWS.get(2), "events/day-1.jsonl"));
        assertThat(withoutModified(catalog.streams().get(2), out.rows(2))).containsExactlyInAnyOrder(
                row(SampleFiles.ROWS.get(0), "lake/part-0.parquet"), row(SampleFiles.ROWS.get(1), "lake/part-0.parquet"),
                row(SampleFiles.ROWS.get(2), "lake/part-0.parquet"),
                row(SampleFiles.ROWS.get(0), "lake/deep/part-1.zip"), row(SampleFiles.ROWS.get(1), "lake/deep/part-1.zip"),
                row(SampleFiles.ROWS.get(2), "lake/deep/part-1.zip"));
        Object modified = out.rows(0).getFirst()[6];
        assertThat((String) modified).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(out.states()).as("a full refresh keeps no state").isEmpty();
    }

    private static List<Object> row(Object[] values, String url) {
        List<Object> row = new ArrayList<>(Arrays.asList(values));
        row.add(url);
        return row;
    }

    private static List<Object> padded(List<Object> values, int width, String url) {
        List<Object> row = new ArrayList<>(values);
        while (row.size() < width) {
            row.add(null);
        }
        row.add(url);
        return row;
    }

    @Test
    void incrementalReadsOnlyNewAndOverwrittenFiles() throws Exception {
        put("in/a.csv", "id,v\n1,a\n2,a\n");
        put("in/b.csv", "id,v\n3,b\n");
        ObjectNode config = Buckets.config(s3, bucket);
        Buckets.stream(config, "items", "csv", "in/*.csv");
        Catalog discovered = source.discover(config);
        ConfiguredCatalog catalog = Buckets.catalog(discovered, SyncMode.INCREMENTAL);

        CollectingEmitter first = Buckets.read(source, config, catalog, InputState.empty());
        Thread.sleep(1100); // S3 keeps modification times to the second
        put("in/c.csv", "id,v\n4,c\n");
        put("in/a.csv", "id,v\n1,a2\n2,a2\n5,a2\n");
        CollectingEmitter second = Buckets.read(source, config, catalog, first.toInputState());
        CollectingEmitter third = Buckets.read(source, config, catalog, second.toInputState());

        AirbyteStream stream = discovered.streams().getFirst();
        assertThat(withoutModified(stream, first.rows(0))).containsExactlyInAnyOrder(
                List.of(1L, "a", "in/a.csv"), List.of(2L, "a", "in/a.csv"), List.of(3L, "b", "in/b.csv"));
        assertThat(withoutModified(stream, second.rows(0))).containsExactlyInAnyOrder(
                List.of(4L, "c", "in/c.csv"), List.of(1L, "a2", "in/a.csv"), List.of(2L, "a2", "in/a.csv"),
                List.of(5L, "a2", "in/a.csv"));
        assertThat(third.rows(0)).as("nothing changed since the second sync").isEmpty();
        JsonNode state = second.lastState().orElseThrow().stream().orElseThrow().streamState().orElseThrow();
        Instant watermark = Instant.parse(state.get("last_modified").asText());
        assertThat(watermark).isAfter(Instant.parse(
                first.lastState().orElseThrow().stream().orElseThrow().streamState().orElseThrow()
                        .get("last_modified").asText()));
        assertThat(third.lastState().orElseThrow().stream().orElseThrow().streamState().orElseThrow())
                .as("an incremental read with nothing new keeps the state").isEqualTo(state);

        CollectingEmitter full = Buckets.read(source, config, Buckets.catalog(discovered, SyncMode.FULL_REFRESH),
                second.toInputState());
        assertThat(full.rows(0)).as("full refresh reads every file whatever the state").hasSize(5);
    }

    @Test
    void schemaIsWidenedAcrossFilesOrTakenFromInputSchema() {
        put("w/1.jsonl", "{\"id\": 1, \"score\": 5}\n");
        put("w/2.jsonl", "{\"id\": 2, \"score\": 5.5, \"tag\": \"x\"}\n");
        ObjectNode inferred = Buckets.config(s3, bucket);
        Buckets.stream(inferred, "w", "jsonl", "w/*.jsonl");
        ObjectNode given = Buckets.config(s3, bucket);
        Buckets.stream(given, "w", "jsonl", "w/*.jsonl");
        ((ObjectNode) given.get("streams").get(0)).put("input_schema", "{\"id\": \"string\", \"score\": \"number\"}");

        RowSchema widened = RowSchema.of(source.discover(inferred).streams().getFirst().jsonSchema());
        AirbyteStream declared = source.discover(given).streams().getFirst();
        CollectingEmitter out = Buckets.read(source, given, Buckets.catalog(source.discover(given),
                SyncMode.FULL_REFRESH), InputState.empty());

        assertThat(widened.columns()).extracting(RowSchema.Column::name)
                .containsExactlyInAnyOrder("id", "score", "tag", "_ab_source_file_last_modified", "_ab_source_file_url");
        assertThat(widened.column(widened.indexOf("score").orElseThrow()).type()).isEqualTo(ValueType.NUMBER);
        assertThat(RowSchema.of(declared.jsonSchema()).columns()).extracting(RowSchema.Column::type)
                .containsExactly(ValueType.STRING, ValueType.NUMBER, ValueType.STRING, ValueType.STRING);
        assertThat(withoutModified(declared, out.rows(0))).containsExactlyInAnyOrder(
                List.of("1", 5.0, "w/1.jsonl"), List.of("2", 5.5, "w/2.jsonl"));
    }

    @Test
    void startDateSkipsOlderFilesAndCsvOptionsApply() throws Exception {
        put("old/x.csv", "a;b\n1;2\n");
        ObjectNode config = Buckets.config(s3, bucket);
        ObjectNode format = Buckets.stream(config, "x", "csv", "old/*.csv");
        format.put("delimiter", ";");
        format.putObject("header_definition").put("header_definition_type", "Autogenerated");
        ObjectNode later = config.deepCopy();
        later.put("start_date", Instant.now().plusSeconds(3600).toString());

        CollectingEmitter all = Buckets.read(source, config, Buckets.catalog(source.discover(config),
                SyncMode.FULL_REFRESH), InputState.empty());
        CollectingEmitter none = Buckets.read(source, later, Buckets.catalog(source.discover(config),
                SyncMode.FULL_REFRESH), InputState.empty());

        assertThat(RowSchema.of(source.discover(config).streams().getFirst().jsonSchema()).columns())
                .extracting(RowSchema.Column::name).startsWith("f0", "f1");
        assertThat(all.rows(0)).hasSize(2);
        assertThat(all.rows(0).get(0)).startsWith("a", "b");
        assertThat(none.rows(0)).isEmpty();
    }

    @Test
    void checkErrorsNameTheFieldInPlainWords() {
        ObjectNode good = Buckets.config(s3, bucket);
        Buckets.stream(good, "x", "csv", "*.csv");
        ObjectNode missingBucket = good.deepCopy().put("bucket", "nope-" + bucket);
        ObjectNode badKey = good.deepCopy().put("aws_access_key_id", "who-is-this");
        ObjectNode badSecret = good.deepCopy().put("aws_secret_access_key", "wrong-secret-value");
        ObjectNode unreachable = good.deepCopy().put("endpoint", "http://127.0.0.1:1");
        ObjectNode excel = Buckets.config(s3, bucket);
        Buckets.stream(excel, "x", "excel", "*.xlsx");

        assertThat(source.check(good).isSucceeded()).isTrue();
        assertThat(source.check(missingBucket).message()).get().asString()
                .contains("bucket: bucket \"nope-" + bucket + "\" does not exist");
        assertThat(source.check(badKey).message()).get().asString().contains("aws_access_key_id");
        assertThat(source.check(badSecret).message()).get().asString()
                .contains("aws_secret_access_key").doesNotContain("wrong-secret-value")
                .doesNotContain(S3TestServer.SECRET_KEY);
        assertThat(source.check(unreachable).message()).get().asString()
                .contains("endpoint: cannot reach http://127.0.0.1:1");
        assertThat(source.check(excel).message()).get().asString()
                .contains("streams[0].format.filetype \"excel\" is not supported by Sluice's source-s3");
    }

    @Test
    void aBadFileFailsTheReadNamingFileAndLine() {
        put("bad/x.csv", "a,b\n1,2\n3\n");
        ObjectNode config = Buckets.config(s3, bucket);
        Buckets.stream(config, "x", "csv", "bad/*.csv");
        ObjectNode given = config.deepCopy();
        ((ObjectNode) given.get("streams").get(0)).put("input_schema", "{\"a\": \"integer\", \"b\": \"integer\"}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Buckets.read(source, given,
                        Buckets.catalog(source.discover(given), SyncMode.FULL_REFRESH), InputState.empty()))
                .hasMessageContaining("s3://" + bucket + "/bad/x.csv")
                .hasMessageContaining("line 3: expected 2 fields");
    }
}
