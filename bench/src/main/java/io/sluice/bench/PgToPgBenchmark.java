package io.sluice.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.engine.InMemoryStateStore;
import io.sluice.engine.NamespaceDefinition;
import io.sluice.engine.NamespaceMapping;
import io.sluice.engine.StateStore;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL to PostgreSQL: Sluice against the native pipe
 * {@code psql \copy ... to stdout | psql \copy ... from stdin}, in the same run, on the same table
 * (bigint id, int, numeric(12,2), text, timestamptz, bool; about 100 bytes a row; the timestamptz, the
 * incremental cursor, indexed). Then 1% of the rows
 * change and an incremental deduplicated sync picks them up; its time is printed as a fraction of
 * the full sync.
 *
 * <p>Usage: {@code bench/pg-to-pg [rows]} (default 10,000,000). Connection from PGHOST, PGPORT,
 * PGUSER, PGDATABASE (default 127.0.0.1, 5432, postgres, test). Works in the schemas
 * {@code sluice_bench_src}, {@code sluice_bench_native} and {@code sluice_bench_sluice}, dropped at the end.
 */
public final class PgToPgBenchmark {
    private static final String SRC = "sluice_bench_src";
    private static final String NATIVE = "sluice_bench_native";
    private static final String SLUICE = "sluice_bench_sluice";

    private final long rows;
    private final boolean fullOnly;
    private final BenchDatabase db = BenchDatabase.fromEnvironment();

    private PgToPgBenchmark(long rows, boolean fullOnly) {
        this.rows = rows;
        this.fullOnly = fullOnly;
    }

    /** Arguments: [rows] [--full-only] (skip the incremental part, e.g. when profiling). */
    public static void main(String[] args) throws Exception {
        java.util.List<String> list = java.util.List.of(args);
        long rows = list.stream().filter(a -> !a.startsWith("--")).findFirst()
                .map(a -> Long.parseLong(a.replace("_", "").replace(",", ""))).orElse(10_000_000L);
        new PgToPgBenchmark(rows, list.contains("--full-only")).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "pg-to-pg benchmark: %,d rows, %d cores, %s%n", rows,
                Runtime.getRuntime().availableProcessors(), db.describe());
        try {
            long start = System.nanoTime();
            prepare();
            long bytes = db.scalar("SELECT pg_relation_size('" + SRC + ".t')");
            System.out.printf(Locale.ROOT, "source table ready in %.1f s (%,d bytes on disk)%n", seconds(start), bytes);

            double nativeSeconds = nativePipe();
            check(NATIVE + ".t", rows);
            Measured full = sync("full_refresh | overwrite", SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE,
                    new InMemoryStateStore());
            check(SLUICE + ".t", rows);

            System.out.printf("%-38s %12s %9s %12s %8s %8s%n", "run", "rows", "seconds", "rows/s", "MB/s", "ratio");
            print("native psql \\copy | psql \\copy", rows, nativeSeconds, bytes, 1.0);
            print("sluice " + full.name, full.rows, full.seconds, bytes, nativeSeconds / full.seconds);

            if (fullOnly) {
                return;
            }
            db.execute("DROP SCHEMA IF EXISTS " + SLUICE + " CASCADE");
            InMemoryStateStore state = new InMemoryStateStore();
            Measured initial = sync("incremental | append_dedup (initial)", SyncMode.INCREMENTAL,
                    DestinationSyncMode.APPEND_DEDUP, state);
            long changed = update();
            Measured incremental = sync("incremental | append_dedup (1% changed)", SyncMode.INCREMENTAL,
                    DestinationSyncMode.APPEND_DEDUP, state);
            check(SLUICE + ".t", rows);
            long updatedInDestination = db.scalar("SELECT count(*) FROM " + SLUICE + ".t WHERE s LIKE 'changed%'");
            if (updatedInDestination != changed) {
                throw new IllegalStateException("expected " + changed + " changed rows in the destination, found "
                        + updatedInDestination);
            }
            print("sluice " + initial.name, initial.rows, initial.seconds, bytes, nativeSeconds / initial.seconds);
            print("sluice " + incremental.name, incremental.rows, incremental.seconds, 0, Double.NaN);
            System.out.printf(Locale.ROOT, "incremental sync of %,d changed rows took %.3f of the full sync's time%n",
                    changed, incremental.seconds / full.seconds);
            System.out.println("MB/s = source table size on disk / seconds; ratio = native seconds / these seconds.");
        } finally {
            for (String schema : List.of(SRC, NATIVE, SLUICE)) {
                db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void prepare() throws SQLException {
        for (String schema : List.of(SRC, NATIVE, SLUICE)) {
            db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        db.execute("CREATE SCHEMA " + SRC);
        db.execute("CREATE SCHEMA " + NATIVE);
        db.execute("CREATE TABLE " + SRC + ".t (id bigint PRIMARY KEY, a int, n numeric(12,2), s text, "
                + "updated_at timestamptz, b bool)");
        db.execute("INSERT INTO " + SRC + ".t SELECT g, (g % 1000)::int, ((g % 100000) / 7.0)::numeric(12,2), "
                + "md5(g::text) || md5((g * 7)::text), timestamptz '2024-01-01' + g * interval '1 second', g % 2 = 0 "
                + "FROM generate_series(1, " + rows + ") g");
        // an incremental cursor column is indexed in any real setup; without it every incremental read
        // scans the whole table
        db.execute("CREATE INDEX ON " + SRC + ".t (updated_at)");
        db.execute("ANALYZE " + SRC + ".t");
        db.execute("CREATE TABLE " + NATIVE + ".t (LIKE " + SRC + ".t)");
    }

    private double nativePipe() throws IOException, InterruptedException {
        String psql = db.psql();
        String pipe = "set -o pipefail; " + psql + " -c '\\copy (SELECT * FROM " + SRC + ".t) to stdout' | "
                + psql + " -c '\\copy " + NATIVE + ".t from stdin'";
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", pipe).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the native psql pipe failed with exit code " + process.exitValue());
        }
        return seconds(start);
    }

    private Measured sync(String name, SyncMode mode, DestinationSyncMode destinationMode, StateStore state) {
        ConnectorRegistry registry = ConnectorRegistry.load();
        Source source = registry.source("source-postgres").orElseThrow();
        Destination destination = registry.destination("destination-postgres").orElseThrow();
        ObjectNode sourceConfig = db.connectorConfig().set("schemas", JsonNodeFactory.instance.arrayNode().add(SRC));
        ObjectNode destinationConfig = db.connectorConfig().put("schema", SLUICE).put("normalization", "basic")
                .put("raw_tables", false);
        AirbyteStream stream = source.discover(sourceConfig).streams().stream()
                .filter(s -> s.name().equals("t")).findFirst().orElseThrow();
        List<String> cursor = mode == SyncMode.INCREMENTAL ? List.of("updated_at") : List.of();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(
                ConfiguredStream.of(stream, mode, cursor, destinationMode, List.of(List.of("id")))));
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        SyncResult result = new SyncEngine().run(SyncRequest.builder(source, sourceConfig, destination,
                        destinationConfig, catalog)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.DESTINATION, "", ""))
                .stateStore(state)
                .batchSize(10_000)
                .build());
        double seconds = seconds(start);
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        if (result.status() != SyncResult.Status.SUCCEEDED) {
            throw new IllegalStateException(name + " failed: " + result.failure());
        }
        long records = result.streams().values().stream().mapToLong(StreamStats::recordsCommitted).sum();
        System.out.printf(Locale.ROOT, "  (%s: Sluice's own process used %.1f CPU-seconds, %.2f µs a row)%n", name,
                cpuSeconds, cpuSeconds * 1e6 / Math.max(1, records));
        return new Measured(name, records, seconds);
    }

    /** CPU time of this JVM (all threads, GC and JIT included): Sluice's share of the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private long update() throws SQLException {
        long start = System.nanoTime();
        db.execute("UPDATE " + SRC + ".t SET s = 'changed ' || id, updated_at = timestamptz '2030-01-01' + id * interval '1 second' "
                + "WHERE id % 100 = 0");
        long changed = db.scalar("SELECT count(*) FROM " + SRC + ".t WHERE s LIKE 'changed%'");
        System.out.printf(Locale.ROOT, "updated %,d rows (1%%) in %.1f s%n", changed, seconds(start));
        return changed;
    }

    private void print(String name, long rowCount, double seconds, long bytes, double ratio) {
        System.out.printf(Locale.ROOT, "%-38s %,12d %9.2f %,12.0f %8s %8s%n", name, rowCount, seconds,
                rowCount / seconds, bytes == 0 ? "-" : String.format(Locale.ROOT, "%.1f", bytes / seconds / 1e6),
                Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio));
    }

    private void check(String table, long expected) throws SQLException {
        long found = db.scalar("SELECT count(*) FROM " + table);
        if (found != expected) {
            throw new IllegalStateException(table + ": expected " + expected + " rows, found " + found);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private record Measured(String name, long rows, double seconds) {}
}
