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
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Sluice into DuckDB against DuckDB's own bulk path. The baseline appends the same rows straight
 * through DuckDB's appender on one thread, with no queue, no normalization and no state; Sluice
 * then moves them from an in-process source through the engine into destination-duckdb. The ratio
 * is Sluice's rows/s over the baseline's. A last run syncs source-faker's nested users.
 *
 * <p>Usage: {@code bench/run duckdb [rows]} (default 1,000,000).
 */
public final class DuckDbBenchmark {
    private final long rows;
    private final Path dir;

    private DuckDbBenchmark(long rows, Path dir) {
        this.rows = rows;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        Path dir = Files.createTempDirectory("sluice-bench-");
        try {
            new DuckDbBenchmark(rows, dir).run();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "DuckDB benchmark: %,d rows x 10 columns, %d cores, JDK %s%n", rows,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        // warm up the JIT and DuckDB's native library on a small run of each path
        new DuckDbBenchmark(Math.min(rows, 200_000), dir.resolve("warmup")).measureAll(false);
        measureAll(true);
    }

    private void measureAll(boolean print) throws Exception {
        Files.createDirectories(dir);
        double baseline = baseline();
        Measured plain = sluice("sluice (normalized, no raw)", false);
        Measured raw = sluice("sluice (normalized + raw JSON)", true);
        Measured faker = faker();
        if (print) {
            Measured base = new Measured("baseline: DuckDB appender", rows, baseline, plain.bytes);
            System.out.printf("%-34s %12s %9s %12s %8s %8s%n", "run", "rows", "seconds", "rows/s", "MB/s", "ratio");
            for (Measured m : List.of(base, plain, raw, faker)) {
                String ratio = m == faker ? "-" : String.format(Locale.ROOT, "%.2f", m.rowsPerSecond() / base.rowsPerSecond());
                System.out.printf(Locale.ROOT, "%-34s %,12d %9.2f %,12.0f %8.1f %8s%n", m.name, m.rows, m.seconds,
                        m.rowsPerSecond(), m.bytes / m.seconds / 1e6, ratio);
            }
            System.out.println("MB = Sluice's estimate of the rows' size; ratio = rows/s over the baseline's.");
        }
    }

    private double baseline() throws SQLException {
        Path file = dir.resolve("baseline.duckdb");
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            c.createStatement().execute(GeneratedRows.DDL);
            try (DuckDBAppender appender = ((DuckDBConnection) c).createAppender("main", "events")) {
                for (long id = 1; id <= rows; id++) {
                    Object[] row = GeneratedRows.row(id);
                    appender.beginRow();
                    appender.append((Long) row[0]);
                    appender.append((Long) row[1]);
                    appender.append((Double) row[2]);
                    appender.append((String) row[3]);
                    appender.append((String) row[4]);
                    appender.append((Boolean) row[5]);
                    appender.append((java.time.LocalDate) row[6]);
                    appender.append(((java.time.Instant) row[7]).atOffset(java.time.ZoneOffset.UTC));
                    appender.append((Double) row[8]);
                    appender.append((String) row[9]);
                    appender.endRow();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        check(file, "events", rows);
        return seconds;
    }

    private Measured sluice(String name, boolean rawTables) throws SQLException {
        Path file = dir.resolve("sluice-" + rawTables + ".duckdb");
        Source source = new GeneratedSource();
        ObjectNode sourceConfig = JsonNodeFactory.instance.objectNode().put("rows", rows);
        Catalog catalog = source.discover(sourceConfig);
        ConfiguredCatalog configured = new ConfiguredCatalog(List.of(ConfiguredStream.of(catalog.streams().get(0),
                SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.APPEND, List.of())));
        Measured m = sync(name, source, sourceConfig, configured, file, rawTables);
        check(file, "events", rows);
        return m;
    }

    private Measured faker() {
        Path file = dir.resolve("faker.duckdb");
        Source faker = ConnectorRegistry.load().source("source-faker").orElseThrow();
        long users = Math.max(1, rows / 4);
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("count", users).put("seed", 1)
                .put("records_per_slice", 10_000).put("always_updated", false);
        Catalog catalog = faker.discover(config);
        ConfiguredCatalog configured = new ConfiguredCatalog(catalog.streams().stream()
                .filter(s -> !s.name().equals("products"))
                .map(s -> ConfiguredStream.of(s, SyncMode.INCREMENTAL, s.defaultCursorField(),
                        DestinationSyncMode.APPEND, s.sourceDefinedPrimaryKey()))
                .toList());
        return sync("faker users+purchases (nested)", faker, config, configured, file, false);
    }

    private Measured sync(String name, Source source, ObjectNode sourceConfig, ConfiguredCatalog catalog, Path file,
            boolean rawTables) {
        Destination duckdb = ConnectorRegistry.load().destination("destination-duckdb").orElseThrow();
        ObjectNode destinationConfig = JsonNodeFactory.instance.objectNode()
                .put("destination_path", file.toString()).put("raw_tables", rawTables);
        long start = System.nanoTime();
        SyncResult result = new SyncEngine().run(SyncRequest.builder(source, sourceConfig, duckdb, destinationConfig, catalog)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.DESTINATION, "", ""))
                .stateStore(new InMemoryStateStore())
                .batchSize(10_000)
                .build());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.status() != SyncResult.Status.SUCCEEDED) {
            throw new IllegalStateException(name + " failed: " + result.failure());
        }
        long records = result.streams().values().stream().mapToLong(StreamStats::recordsCommitted).sum();
        long bytes = result.streams().values().stream().mapToLong(StreamStats::bytesCommitted).sum();
        return new Measured(name, records, seconds, bytes);
    }

    private static void check(Path file, String table, long expected) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM main." + table)) {
            rs.next();
            if (rs.getLong(1) != expected) {
                throw new IllegalStateException(file + ": expected " + expected + " rows, found " + rs.getLong(1));
            }
        }
    }

    private record Measured(String name, long rows, double seconds, long bytes) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }
}
