package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.testkit.DestinationContractTest;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream several times larger than the heap this test runs with (the module's pom gives it its own
 * JVM with -Xmx192m): memory must stay bounded by the part buffers and the row group, whatever the
 * stream's size. S3Proxy keeps the objects on disk here.
 */
class LargeStreamIT {
    private static final int ROWS = 400_000;
    private static final int TEXT = 1000;

    @TempDir
    Path tmp;

    @Test
    void aStreamLargerThanTheHeapIsWrittenCompletely() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        assumeThat(heap).as("runs in the bounded-memory execution only (-Xmx192m)").isLessThan(256L << 20);
        Path store = Files.createDirectories(tmp.resolve("s3proxy-store"));
        try (S3Fixture s3 = S3Fixture.startOnDisk(store)) {
            ObjectNode format = S3Fixture.parquet("UNCOMPRESSED").put("block_size_mb", 16).put("dictionary_encoding", false);
            ObjectNode config = s3.config(format).put("file_size_mb", 150);
            String path = config.get("s3_bucket_path").asText() + "/";

            new S3Destination().write(config, DestinationContractTest.catalog(DestinationSyncMode.APPEND),
                    new GeneratedRows(), new RecordingAcknowledger());

            List<String> keys = s3.keys(path);
            long written = 0;
            Path dir = Files.createDirectories(tmp.resolve("downloaded"));
            for (String key : keys) {
                Path file = dir.resolve(key);
                s3.downloadObject(key, file);
                written += Files.size(file);
                String eTag = s3.client().headObject(b -> b.bucket(S3Fixture.BUCKET).key(key)).eTag();
                assertThat(eTag).as("ETag of %s (multipart)", key).matches("\"?[0-9a-f]{32}-\\d+\"?");
            }
            assertThat(written).as("bytes written against a heap of %d", heap).isGreaterThan(2 * heap);
            assertThat(keys).hasSizeGreaterThanOrEqualTo(2);
            assertThat(DuckDbFiles.query("count(*) AS n, sum(id) AS total, min(length(name)) AS shortest", "read_parquet",
                    dir.resolve("**/*.parquet"), "")).containsExactly(Map.of("n", (long) ROWS,
                    "total", BigInteger.valueOf((long) ROWS * (ROWS - 1) / 2), "shortest", (long) TEXT));
        }
    }

    /** Rows made as they are asked for, never all in memory: an id, 1,000 random characters, a timestamp. */
    private static final class GeneratedRows implements RecordInput {
        private final char[] pool = new char[1 << 16];
        private long next;

        GeneratedRows() {
            Random random = new Random(3);
            for (int i = 0; i < pool.length; i++) {
                pool[i] = (char) ('!' + random.nextInt(90));
            }
        }

        @Override
        public Optional<Chunk> next() {
            if (next >= ROWS) {
                return Optional.empty();
            }
            List<Object[]> rows = new ArrayList<>(1000);
            for (int i = 0; i < 1000 && next < ROWS; i++, next++) {
                int offset = (int) ((next * 7919) % (pool.length - TEXT));
                rows.add(new Object[] {next, new String(pool, offset, TEXT), Instant.ofEpochSecond(next)});
            }
            return Optional.of(new Chunk.RowBatch(0, rows));
        }
    }
}
