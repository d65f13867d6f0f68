package io.sluice.connectors.s3.destination;

import static io.sluice.cdk.testkit.ListRecordInput.checkpoint;
import static io.sluice.cdk.testkit.ListRecordInput.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.testkit.DestinationContractTest;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import io.sluice.protocol.StateMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** Overwrite and append, state acknowledgement, failures and the object layout, against S3Proxy. */
class SyncBehaviourIT {
    private static final WriteTuning EVERY_CHECKPOINT = new WriteTuning(5 << 20, Duration.ZERO);
    private static final WriteTuning HOURLY = new WriteTuning(5 << 20, Duration.ofHours(1));
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

    @Test
    void overwriteDeletesTheOldFilesOnlyOnceTheNewOnesAreComplete() throws Exception {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY"));
        String path = path(config);
        write(config, DestinationSyncMode.OVERWRITE, EVERY_CHECKPOINT, rows(0, item(1, "a"), item(2, "b")));
        List<String> oldFiles = s3.keys(path);
        assertThat(oldFiles).hasSize(1);
        List<List<String>> seenDuringSync = new ArrayList<>();

        new S3Destination(EVERY_CHECKPOINT).write(config, DestinationContractTest.catalog(DestinationSyncMode.OVERWRITE),
                new ScriptedInput()
                        .chunk(rows(0, item(3, "c")))
                        .chunk(checkpoint(DestinationContractTest.state(1)))
                        .then(() -> seenDuringSync.add(s3.keys(path)))
                        .chunk(rows(0, item(4, "d"))),
                new RecordingAcknowledger());

        assertThat(seenDuringSync.getFirst()).as("while the new files are written").isEqualTo(oldFiles);
        assertThat(s3.keys(path)).hasSize(1).doesNotContainAnyElementsOf(oldFiles);
        assertThat(names(config)).containsExactlyInAnyOrder("c", "d");
    }

    @Test
    void aFailedOverwriteLeavesTheOldFilesAndNoHalfObjects() throws Exception {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY"));
        write(config, DestinationSyncMode.OVERWRITE, EVERY_CHECKPOINT, rows(0, item(1, "a"), item(2, "b")));
        List<String> oldFiles = s3.keys(path(config));
        RecordingAcknowledger acknowledger = new RecordingAcknowledger();

        ScriptedInput failing = new ScriptedInput()
                .chunk(rows(0, item(3, "c")))
                .chunk(checkpoint(DestinationContractTest.state(1)))
                .chunk(rows(0, item(4, "d")))
                .failWith(ConnectorException.transientError("the source went away", null));
        assertThatThrownBy(() -> new S3Destination(EVERY_CHECKPOINT).write(config,
                DestinationContractTest.catalog(DestinationSyncMode.OVERWRITE), failing, acknowledger))
                .hasMessage("the source went away");

        assertThat(acknowledger.states()).as("an overwrite's states wait for the end").isEmpty();
        assertThat(s3.keys(path(config))).isEqualTo(oldFiles);
        assertThat(names(config)).containsExactlyInAnyOrder("a", "b");
        assertThat(s3.openUploads()).as("multipart uploads left open").isZero();
    }

    @Test
    void appendAddsFilesAndAFailedAppendKeepsOnlyCompletedOnes() throws Exception {
        ObjectNode config = s3.config(S3Fixture.csv(true, true));
        write(config, DestinationSyncMode.APPEND, EVERY_CHECKPOINT, rows(0, item(1, "a")));
        write(config, DestinationSyncMode.APPEND, EVERY_CHECKPOINT, rows(0, item(2, "b"), item(3, "c")));
        RecordingAcknowledger acknowledger = new RecordingAcknowledger();

        assertThatThrownBy(() -> new S3Destination(EVERY_CHECKPOINT).write(config,
                DestinationContractTest.catalog(DestinationSyncMode.APPEND), new ScriptedInput()
                        .chunk(rows(0, item(4, "d")))
                        .chunk(checkpoint(DestinationContractTest.state(7)))
                        .chunk(rows(0, item(5, "never")))
                        .failWith(ConnectorException.transientError("the source went away", null)),
                acknowledger)).isInstanceOf(ConnectorException.class);

        assertThat(acknowledger.states()).extracting(SyncBehaviourIT::position).containsExactly(7);
        assertThat(s3.keys(path(config))).hasSize(3).allSatisfy(k -> assertThat(k).endsWith(".csv.gz"));
        Path dir = Files.createTempDirectory(tmp, "append");
        s3.download(path(config), dir);
        assertThat(DuckDbFiles.query("name", "read_csv", dir.resolve("**/*.csv.gz"), "ORDER BY id"))
                .extracting(r -> r.get("name")).containsExactly("a", "b", "c", "d");
        assertThat(s3.openUploads()).isZero();
    }

    @Test
    void aStateWaitsUntilEveryRowBeforeItIsInACompletedFile() throws Exception {
        // rows of 5 KB and 1 MB files: the 256th row fills a file (sizes are checked every 256 rows)
        ObjectNode config = s3.config(S3Fixture.jsonl(false, false)).put("file_size_mb", 1);
        RecordingAcknowledger acknowledger = new RecordingAcknowledger();
        List<List<Integer>> acknowledgedWhile = new ArrayList<>();
        String wide = "x".repeat(5000);

        new S3Destination(HOURLY).write(config, DestinationContractTest.catalog(DestinationSyncMode.APPEND),
                new ScriptedInput()
                        .chunk(rows(0, item(0, "first")))
                        .chunk(checkpoint(DestinationContractTest.state(1)))
                        .then(() -> acknowledgedWhile.add(positions(acknowledger)))
                        .chunk(new io.sluice.cdk.Chunk.RowBatch(0, wideRows(255, wide)))
                        .chunk(checkpoint(DestinationContractTest.state(2)))
                        .then(() -> acknowledgedWhile.add(positions(acknowledger)))
                        .chunk(rows(0, item(1000, "after")))
                        .chunk(checkpoint(DestinationContractTest.state(3)))
                        .then(() -> acknowledgedWhile.add(positions(acknowledger))),
                acknowledger);

        assertThat(acknowledgedWhile).containsExactly(List.of(), List.of(1, 2), List.of(1, 2));
        assertThat(positions(acknowledger)).containsExactly(1, 2, 3);
        assertThat(s3.keys(path(config))).hasSize(2);
    }

    @Test
    void filesRollOverAndLargeOnesGoUpInSeveralParts() throws Exception {
        // 8,000 rows of ~3 KB of incompressible text: ~24 MB in files of about 12 MB, each in 5 MB parts
        ObjectNode config = s3.config(S3Fixture.jsonl(true, false)).put("file_size_mb", 12);
        List<io.sluice.cdk.Chunk> chunks = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int batch = 0; batch < 8; batch++) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                rows.add(new Object[] {batch * 1000L + i, randomText(random, 3000), null});
            }
            chunks.add(new io.sluice.cdk.Chunk.RowBatch(0, rows));
        }
        new S3Destination(EVERY_CHECKPOINT).write(config, DestinationContractTest.catalog(DestinationSyncMode.APPEND),
                new ListRecordInput(chunks), new RecordingAcknowledger());

        List<String> keys = s3.keys(path(config));
        assertThat(keys).hasSize(2);
        for (String key : keys) {
            // a multipart object's ETag is "<md5 of the part md5s>-<part count>"
            String eTag = s3.client().headObject(b -> b.bucket(S3Fixture.BUCKET).key(key)).eTag();
            assertThat(eTag).as("ETag of %s", key).matches("\"?[0-9a-f]{32}-[2-9]\"?");
        }
        Path dir = Files.createTempDirectory(tmp, "rolled");
        s3.download(path(config), dir);
        assertThat(DuckDbFiles.query("count(*) AS n, count(DISTINCT id) AS ids, sum(id) AS total", "read_json",
                dir.resolve("**/*.jsonl"), "")).containsExactly(Map.of("n", 8000L, "ids", 8000L,
                "total", java.math.BigInteger.valueOf(7999L * 8000 / 2)));
    }

    @Test
    void parquetFilesRollOverAndStayReadable() throws Exception {
        ObjectNode format = S3Fixture.parquet("ZSTD").put("block_size_mb", 1).put("page_size_kb", 64);
        ObjectNode config = s3.config(format).put("file_size_mb", 2);
        java.util.Random random = new java.util.Random(11);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new Object[] {(long) i, randomText(random, 2000), null});
        }
        write(config, DestinationSyncMode.APPEND, EVERY_CHECKPOINT, new io.sluice.cdk.Chunk.RowBatch(0, rows));

        assertThat(s3.keys(path(config))).hasSizeGreaterThanOrEqualTo(2);
        Path dir = Files.createTempDirectory(tmp, "parquet-rolled");
        s3.download(path(config), dir);
        assertThat(DuckDbFiles.query("count(*) AS n, count(DISTINCT id) AS ids", "read_parquet",
                dir.resolve("**/*.parquet"), "")).containsExactly(Map.of("n", 3000L, "ids", 3000L));
    }

    @Test
    void aFailureWhileRowGroupsAreWrittenInTheBackgroundLeavesNoObjectAndNoOpenUpload() throws Exception {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY").put("block_size_mb", 1).put("page_size_kb", 64));
        java.util.Random random = new java.util.Random(5);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            rows.add(new Object[] {(long) i, randomText(random, 3000), null});
        }
        ScriptedInput failing = new ScriptedInput()
                .chunk(new io.sluice.cdk.Chunk.RowBatch(0, rows))
                .failWith(ConnectorException.transientError("the source went away", null));

        assertThatThrownBy(() -> new S3Destination(HOURLY).write(config,
                DestinationContractTest.catalog(DestinationSyncMode.APPEND), failing, new RecordingAcknowledger()))
                .hasMessage("the source went away");

        assertThat(s3.keys(path(config))).as("12 MB in 1 MB row groups, none completed").isEmpty();
        assertThat(s3.openUploads()).as("multipart uploads left open").isZero();
    }

    @Test
    void pathFormatVariablesMakeHiveStyleFolders() throws Exception {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY"))
                .put("s3_path_format", "${NAMESPACE}/${STREAM_NAME}/year=${YEAR}/month=${MONTH}/day=${DAY}/"
                        + "${HOUR}${MINUTE}${SECOND}_${MILLISECOND}_${EPOCH}_${UUID}_")
                .put("file_name_pattern", "{date}_{timestamp}_{part_number}_{sync_id}{format_extension}");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        new S3Destination(EVERY_CHECKPOINT).write(config, RichStream.catalog(DestinationSyncMode.APPEND),
                new ListRecordInput(List.of(rows(0, RichStream.ROW_1, RichStream.ROW_2))), new RecordingAcknowledger());

        List<String> keys = s3.keys(path(config));
        String date = "%04d_%02d_%02d".formatted(today.getYear(), today.getMonthValue(), today.getDayOfMonth());
        assertThat(keys).singleElement().satisfies(key -> assertThat(key).matches(
                java.util.regex.Pattern.quote(path(config) + "shop/rich/year=" + today.getYear() + "/month="
                        + "%02d".formatted(today.getMonthValue()) + "/day=" + "%02d".formatted(today.getDayOfMonth())
                        + "/") + "\\d{6}_\\d{3}_\\d{13}_[0-9a-f-]{36}_" + date + "_\\d{13}_0_[0-9a-f-]{36}\\.parquet"));
        Path dir = Files.createTempDirectory(tmp, "hive");
        s3.download(path(config), dir);
        // DuckDB guesses a partition value's type from the values it sees: day=06 would be a string
        assertThat(DuckDbFiles.query("SELECT year::BIGINT AS year, month::BIGINT AS month, day::BIGINT AS day, "
                + "count(*) AS n FROM read_parquet('"
                + dir.resolve("**/*.parquet") + "', hive_partitioning = true) GROUP BY ALL"))
                .containsExactly(Map.of("year", (long) today.getYear(), "month", (long) today.getMonthValue(),
                        "day", (long) today.getDayOfMonth(), "n", 2L));
    }

    @Test
    void aStreamWithoutNamespaceGetsNoEmptyFolder() {
        ObjectNode config = s3.config(S3Fixture.csv(false, false));
        write(config, DestinationSyncMode.APPEND, EVERY_CHECKPOINT, rows(0, item(1, "a")));
        assertThat(s3.keys(path(config))).singleElement().satisfies(key -> assertThat(key)
                .matches(java.util.regex.Pattern.quote(path(config) + "contract_items/") + "\\d{4}_\\d{2}_\\d{2}_\\d+_0\\.csv"));
    }

    @Test
    void aPathWithoutTimeVariablesDoesNotOverwriteEarlierAppends() throws Exception {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY")).put("s3_path_format", "${STREAM_NAME}/");
        write(config, DestinationSyncMode.APPEND, EVERY_CHECKPOINT, rows(0, item(1, "a")));
        write(config, DestinationSyncMode.APPEND, EVERY_CHECKPOINT, rows(0, item(2, "b")));
        assertThat(s3.keys(path(config))).containsExactly(path(config) + "contract_items/0.parquet",
                path(config) + "contract_items/1.parquet");
        assertThat(names(config)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void overwriteLeavesOtherStreamsAndForeignObjectsAlone() throws Exception {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY")).put("s3_path_format", "${STREAM_NAME}_");
        s3.put(path(config) + "contract_items_notes.txt", "not a file of the stream");
        s3.put(path(config) + "contract_items_archive_0.parquet", "another stream's file");
        write(config, DestinationSyncMode.OVERWRITE, EVERY_CHECKPOINT, rows(0, item(1, "a")));
        write(config, DestinationSyncMode.OVERWRITE, EVERY_CHECKPOINT, rows(0, item(2, "b")));

        assertThat(s3.keys(path(config))).hasSize(3).contains(path(config) + "contract_items_notes.txt",
                path(config) + "contract_items_archive_0.parquet");
    }

    @Test
    void twoStreamsKeepTheirOwnFilesAndModes() throws Exception {
        ObjectNode config = s3.config(S3Fixture.jsonl(true, false));
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(
                stream("items", DestinationSyncMode.OVERWRITE), stream("events", DestinationSyncMode.APPEND)));
        StateMessage events1 = StateMessage.ofStream(StreamDescriptor.of("shop", "events"),
                JsonNodeFactory.instance.objectNode().put("position", 1));
        StateMessage items1 = StateMessage.ofStream(StreamDescriptor.of("shop", "items"),
                JsonNodeFactory.instance.objectNode().put("position", 2));
        new S3Destination(EVERY_CHECKPOINT).write(config, catalog, new ListRecordInput(List.of(
                rows(0, item(1, "a"), item(2, "b")), rows(1, item(10, "e1")))), new RecordingAcknowledger());
        RecordingAcknowledger acknowledger = new RecordingAcknowledger();
        List<List<StateMessage>> acknowledgedWhile = new ArrayList<>();

        new S3Destination(EVERY_CHECKPOINT).write(config, catalog, new ScriptedInput()
                .chunk(rows(1, item(11, "e2")))
                .chunk(checkpoint(events1))
                .then(() -> acknowledgedWhile.add(acknowledger.states()))
                .chunk(rows(0, item(3, "c")))
                .chunk(checkpoint(items1))
                .then(() -> acknowledgedWhile.add(acknowledger.states())), acknowledger);

        assertThat(acknowledgedWhile).containsExactly(List.of(events1), List.of(events1));
        assertThat(acknowledger.states()).containsExactly(events1, items1);
        Path dir = Files.createTempDirectory(tmp, "two-streams");
        s3.download(path(config), dir);
        assertThat(DuckDbFiles.query("name", "read_json", dir.resolve("**/shop/items/*.jsonl"), "ORDER BY id"))
                .extracting(r -> r.get("name")).containsExactly("c");
        assertThat(DuckDbFiles.query("name", "read_json", dir.resolve("**/shop/events/*.jsonl"), "ORDER BY id"))
                .extracting(r -> r.get("name")).containsExactly("e1", "e2");
    }

    private static ConfiguredStream stream(String name, DestinationSyncMode mode) {
        AirbyteStream stream = AirbyteStream.of("shop", name,
                DestinationContractTest.catalog(mode).streams().getFirst().stream().jsonSchema(), List.of(), List.of());
        return ConfiguredStream.of(stream, mode == DestinationSyncMode.OVERWRITE ? SyncMode.FULL_REFRESH
                : SyncMode.INCREMENTAL, List.of(), mode, List.of());
    }

    @Test
    void appendDedupIsRefusedNamingTheStream() {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY"));
        assertThatThrownBy(() -> write(config, DestinationSyncMode.APPEND_DEDUP, EVERY_CHECKPOINT, rows(0, item(1, "a"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining("contract_items").hasMessageContaining("append_dedup");
        assertThat(new S3Destination().spec().supportedDestinationSyncModes())
                .containsExactly(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND);
    }

    private static void write(ObjectNode config, DestinationSyncMode mode, WriteTuning tuning, io.sluice.cdk.Chunk... chunks) {
        new S3Destination(tuning).write(config, DestinationContractTest.catalog(mode),
                new ListRecordInput(List.of(chunks)), new RecordingAcknowledger());
    }

    private static List<String> names(ObjectNode config) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "names");
        s3.download(path(config), dir);
        return DuckDbFiles.query("name", "read_parquet", dir.resolve("**/*.parquet"), "").stream()
                .map(r -> (String) r.get("name")).toList();
    }

    private static String path(ObjectNode config) {
        return config.get("s3_bucket_path").asText() + "/";
    }

    private static Object[] item(long id, String name) {
        return DestinationContractTest.item(id, name, 1);
    }

    private static List<Object[]> wideRows(int count, String text) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(DestinationContractTest.item(i + 1, text, 1));
        }
        return rows;
    }

    private static String randomText(java.util.Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(90)));
        }
        return text.toString();
    }

    private static int position(StateMessage state) {
        return state.stream().orElseThrow().streamState().orElseThrow().path("position").asInt();
    }

    private static List<Integer> positions(RecordingAcknowledger acknowledger) {
        return acknowledger.states().stream().map(SyncBehaviourIT::position).toList();
    }

}
