package io.sluice.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.engine.InMemoryStateStore;
import io.sluice.engine.NamespaceDefinition;
import io.sluice.engine.NamespaceMapping;
import io.sluice.engine.StreamStats;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * PostgreSQL to S3 Parquet (Snappy): Sluice against {@code COPY ... TO STDOUT} of the same table
 * into nothing, in the same run (bigint id, int, numeric(12,2), text, timestamptz, bool; about 100
 * bytes a row, as in {@code bench/pg-to-pg}). Two baselines are timed, psql's text
 * {@code \copy (SELECT * FROM t) to stdout > /dev/null} and pgjdbc's binary
 * {@code COPY (SELECT * FROM t) TO STDOUT (FORMAT binary)} into a stream that drops the bytes; the
 * ratio is to the faster of the two. Sluice then syncs source-postgres into destination-s3 (full
 * refresh, overwrite) against S3Proxy started in this process (see {@link InProcessS3}); after the
 * timed part the Parquet files are downloaded and DuckDB checks their row count, ids and codec.
 *
 * <p>The CPU line counts this whole JVM; the in-process S3 server's share (its Jetty threads) is
 * printed beside it, so Sluice's own share is the difference, and a second line splits it by thread
 * ({@link ThreadCpu}).
 *
 * <p>Usage: {@code bench/pg-to-s3 [rows]} (default 10,000,000). Connection from PGHOST, PGPORT,
 * PGUSER, PGDATABASE (default 127.0.0.1, 5432, postgres, test). Works in the schema
 * {@code sluice_bench_s3src}, dropped at the end.
 */
public final class PgToS3Benchmark {
    private static final String SRC = "sluice_bench_s3src";
    private static final String PREFIX = "bench";

    private final long rows;
    private final boolean keepTable;
    private final boolean hashingStore;
    private final BenchDatabase db = BenchDatabase.fromEnvironment();

    private PgToS3Benchmark(long rows, boolean keepTable, boolean hashingStore) {
        this.rows = rows;
        this.keepTable = keepTable;
        this.hashingStore = hashingStore;
    }

    /**
     * Arguments: [rows] [--keep-table] (keep the source table for the next run, and reuse one left by
     * an earlier run with as many rows: repeated runs while profiling skip building it)
     * [--hashing-store] (S3Proxy's own file-system store, which computes the MD5 of every part and
     * again of every completed object, instead of {@link UnhashedMultipartStore}).
     */
    public static void main(String[] args) throws Exception {
        List<String> list = List.of(args);
        long rows = list.stream().filter(a -> !a.startsWith("--")).findFirst()
                .map(a -> Long.parseLong(a.replace("_", "").replace(",", ""))).orElse(10_000_000L);
        new PgToS3Benchmark(rows, list.contains("--keep-table"), list.contains("--hashing-store")).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "pg-to-s3 benchmark: %,d rows, %d cores, %s, S3Proxy with %s%n", rows,
                Runtime.getRuntime().availableProcessors(), db.describe(),
                hashingStore ? "its own file-system store (MD5 of every part and object)"
                        : "unhashed multipart parts joined by the kernel");
        try (InProcessS3 s3 = InProcessS3.start(hashingStore)) {
            long start = System.nanoTime();
            prepare();
            long bytes = db.scalar("SELECT pg_relation_size('" + SRC + ".t')");
            System.out.printf(Locale.ROOT, "source table ready in %.1f s (%,d bytes on disk)%n", seconds(start), bytes);

            double psqlSeconds = psqlCopy();
            double binarySeconds = binaryCopy();
            double baseline = Math.min(psqlSeconds, binarySeconds);
            Measured sync = sync(s3);
            check(s3);

            System.out.printf("%-44s %12s %9s %12s %8s %8s%n", "run", "rows", "seconds", "rows/s", "MB/s", "ratio");
            print("psql \\copy (SELECT * FROM t) to stdout (text)", rows, psqlSeconds, bytes, baseline / psqlSeconds);
            print("pgjdbc COPY ... TO STDOUT (FORMAT binary)", rows, binarySeconds, bytes, baseline / binarySeconds);
            print("sluice full_refresh | overwrite, Parquet", sync.rows, sync.seconds, bytes, baseline / sync.seconds);
            System.out.println("MB/s = source table size on disk / seconds; ratio = the faster COPY's seconds / "
                    + "these seconds; both COPYs write into nothing (/dev/null, a discarding stream).");
        } finally {
            if (!keepTable) {
                db.execute("DROP SCHEMA IF EXISTS " + SRC + " CASCADE");
            }
        }
    }

    private void prepare() throws SQLException {
        if (keepTable && db.scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + SRC
                + "' AND table_name = 't'") == 1 && db.scalar("SELECT count(*) FROM " + SRC + ".t") == rows) {
            return;
        }
        db.execute("DROP SCHEMA IF EXISTS " + SRC + " CASCADE");
        db.execute("CREATE SCHEMA " + SRC);
        db.execute("CREATE TABLE " + SRC + ".t (id bigint PRIMARY KEY, a int, n numeric(12,2), s text, "
                + "updated_at timestamptz, b bool)");
        db.execute("INSERT INTO " + SRC + ".t SELECT g, (g % 1000)::int, ((g % 100000) / 7.0)::numeric(12,2), "
                + "md5(g::text) || md5((g * 7)::text), timestamptz '2024-01-01' + g * interval '1 second', g % 2 = 0 "
                + "FROM generate_series(1, " + rows + ") g");
        db.execute("VACUUM ANALYZE " + SRC + ".t");
    }

    /** What psql does: the server renders text, psql writes it to /dev/null. */
    private double psqlCopy() throws IOException, InterruptedException {
        String psql = db.psql();
        String command = psql + " -c '\\copy (SELECT * FROM " + SRC + ".t) to stdout' > /dev/null";
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO()
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql \\copy failed with exit code " + process.exitValue());
        }
        return seconds(start);
    }

    /** The same rows in PostgreSQL's binary COPY format (what source-postgres reads), into a discarding stream. */
    private double binaryCopy() throws SQLException, IOException {
        try (Connection c = db.connect()) {
            long start = System.nanoTime();
            long copied = c.unwrap(PGConnection.class).getCopyAPI().copyOut(
                    "COPY (SELECT * FROM " + SRC + ".t) TO STDOUT (FORMAT binary)", OutputStream.nullOutputStream());
            double seconds = seconds(start);
            if (copied != rows) {
                throw new IllegalStateException("binary COPY: expected " + rows + " rows, got " + copied);
            }
            return seconds;
        }
    }

    private Measured sync(InProcessS3 s3) {
        ConnectorRegistry registry = ConnectorRegistry.load();
        Source source = registry.source("source-postgres").orElseThrow();
        Destination destination = registry.destination("destination-s3").orElseThrow();
        ObjectNode sourceConfig = db.connectorConfig().set("schemas", JsonNodeFactory.instance.arrayNode().add(SRC));
        ObjectNode destinationConfig = JsonNodeFactory.instance.objectNode()
                .put("s3_bucket_name", InProcessS3.BUCKET)
                .put("s3_bucket_path", PREFIX)
                .put("s3_bucket_region", "us-east-1")
                .put("s3_endpoint", s3.endpoint().toString())
                .put("access_key_id", InProcessS3.ACCESS_KEY)
                .put("secret_access_key", InProcessS3.SECRET_KEY);
        destinationConfig.putObject("format").put("format_type", "Parquet").put("compression_codec", "SNAPPY");
        AirbyteStream stream = source.discover(sourceConfig).streams().stream()
                .filter(s -> s.name().equals("t")).findFirst().orElseThrow();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.FULL_REFRESH,
                List.of(), DestinationSyncMode.OVERWRITE, List.of(List.of("id")))));
        SyncResult result;
        double seconds;
        ThreadCpu.Used used;
        try (ThreadCpu cpu = ThreadCpu.start()) {
            long start = System.nanoTime();
            result = new SyncEngine().run(SyncRequest.builder(source, sourceConfig, destination,
                            destinationConfig, catalog)
                    .namespaceMapping(new NamespaceMapping(NamespaceDefinition.SOURCE, "", ""))
                    .stateStore(new InMemoryStateStore())
                    .batchSize(10_000)
                    .build());
            seconds = seconds(start);
            used = cpu.used();
        }
        if (result.status() != SyncResult.Status.SUCCEEDED) {
            throw new IllegalStateException("the sync failed: " + result.failure());
        }
        long records = result.streams().values().stream().mapToLong(StreamStats::recordsCommitted).sum();
        System.out.printf(Locale.ROOT, "  (Sluice's own process used %.1f CPU-seconds, %.2f µs a row; of them the "
                        + "in-process S3 server's threads %.1f, so Sluice without it %.1f, %.2f µs a row)%n",
                used.processSeconds(), used.processSeconds() * 1e6 / Math.max(1, records), used.serverSeconds(),
                used.withoutServer(), used.withoutServer() * 1e6 / Math.max(1, records));
        System.out.println("  (CPU-seconds by thread: " + used.breakdown() + ")");
        return new Measured(records, seconds);
    }

    /** Outside the timed part: DuckDB reads the downloaded files; every id once, the codec Snappy. */
    private void check(InProcessS3 s3) throws Exception {
        Path dir = Files.createTempDirectory("sluice-bench-parquet-");
        try {
            List<Path> files = s3.download(PREFIX + "/", dir);
            if (files.isEmpty()) {
                throw new IllegalStateException("no files under s3://" + InProcessS3.BUCKET + "/" + PREFIX);
            }
            String list = files.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = duck.createStatement()) {
                ResultSet counts = s.executeQuery("SELECT count(*), count(DISTINCT id), sum(id)::BIGINT, "
                        + "count(*) FILTER (WHERE s IS NULL OR updated_at IS NULL) FROM read_parquet(" + list + ")");
                counts.next();
                long expectedSum = rows * (rows + 1) / 2;
                if (counts.getLong(1) != rows || counts.getLong(2) != rows || counts.getLong(3) != expectedSum
                        || counts.getLong(4) != 0) {
                    throw new IllegalStateException("the Parquet files hold " + counts.getLong(1) + " rows, "
                            + counts.getLong(2) + " distinct ids summing to " + counts.getLong(3) + " and "
                            + counts.getLong(4) + " rows with a missing value; expected " + rows + " rows, ids 1.."
                            + rows);
                }
                ResultSet codecs = s.executeQuery("SELECT string_agg(DISTINCT compression, ',') FROM parquet_metadata("
                        + list + ")");
                codecs.next();
                if (!"SNAPPY".equalsIgnoreCase(codecs.getString(1))) {
                    throw new IllegalStateException("the Parquet files' codecs are " + codecs.getString(1));
                }
            }
            long size = 0;
            for (Path f : files) {
                size += Files.size(f);
            }
            System.out.printf(Locale.ROOT, "checked: %d Parquet file(s), %,d bytes, %,d rows, ids 1..%,d once each, "
                    + "Snappy%n", files.size(), size, rows, rows);
        } finally {
            InProcessS3.deleteTree(dir);
        }
    }

    private void print(String name, long rowCount, double seconds, long bytes, double ratio) {
        System.out.printf(Locale.ROOT, "%-44s %,12d %9.2f %,12.0f %8.1f %8.2f%n", name, rowCount, seconds,
                rowCount / seconds, bytes / seconds / 1e6, ratio);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private record Measured(long rows, double seconds) {}
}
