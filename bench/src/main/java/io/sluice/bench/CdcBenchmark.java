package io.sluice.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.connectors.postgres.source.LogicalPostgres;
import io.sluice.engine.NamespaceDefinition;
import io.sluice.engine.NamespaceMapping;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncHandle;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Continuous CDC, PostgreSQL to PostgreSQL: a throwaway logical-WAL server (LogicalPostgres) holds a
 * table of 10,000 rows; a continuous sync copies it into the shared PostgreSQL (incremental
 * append_dedup, normalized, no raw tables); then {@link ChangeDriver} makes about 1,000 changes a
 * second for 60 s (half inserts, half updates) while {@link VisibilityProbe} measures how long each
 * change takes from its commit at the source to being visible in the destination. Prints the
 * sustained change rate, the rows applied per second, latency p50/p95/p99/max and the goal.
 *
 * <p>Usage: {@code bench/cdc [changes-per-second] [seconds]} (default 1000 and 60). The destination
 * from PGHOST, PGPORT, PGUSER, PGDATABASE (default 127.0.0.1, 5432, postgres, test), schema
 * {@code sluice_bench_cdc}, dropped at the end.
 */
public final class CdcBenchmark {
    private static final String SCHEMA = "sluice_bench_cdc";
    private static final int SEED_ROWS = 10_000;
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private final int rate;
    private final int seconds;
    private final BenchDatabase db = BenchDatabase.fromEnvironment();

    private CdcBenchmark(int rate, int seconds) {
        this.rate = rate;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        new CdcBenchmark(rate, seconds).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "cdc benchmark: %,d changes/s for %d s, continuous sync into %s, %d cores%n",
                rate, seconds, db.describe(), Runtime.getRuntime().availableProcessors());
        db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        long begin = System.nanoTime();
        try (LogicalPostgres source = LogicalPostgres.start()) {
            source.sql("CREATE SCHEMA app",
                    "CREATE TABLE app.changes (id bigint PRIMARY KEY, payload text NOT NULL, counter int NOT NULL DEFAULT 0,"
                            + " changed_at timestamptz NOT NULL DEFAULT clock_timestamp())",
                    "INSERT INTO app.changes (id, payload) SELECT g, md5(g::text) FROM generate_series(1, " + SEED_ROWS + ") g",
                    "CREATE PUBLICATION bench_pub FOR TABLE app.changes",
                    "SELECT pg_create_logical_replication_slot('bench_slot', 'pgoutput')");
            System.out.printf(Locale.ROOT, "logical-WAL source server ready in %.1f s%n", since(begin));
            SyncHandle sync = new SyncEngine().start(request(source.config("app", "bench_slot", "bench_pub")));
            try (Connection destination = db.connect(); Connection changes = source.connect()) {
                long started = System.nanoTime();
                waitFor("the snapshot", sync, () -> tableExists(destination)
                        && count(destination, "SELECT count(*) FROM " + SCHEMA + ".changes") == SEED_ROWS);
                System.out.printf(Locale.ROOT, "snapshot of %,d rows visible after %.1f s; driving changes%n",
                        SEED_ROWS, since(started));
                OffsetDateTime from = newestChange(changes);
                long committedBefore = sync.progress().recordsCommitted();
                long driveStart = System.nanoTime();
                try (VisibilityProbe probe = VisibilityProbe.start(destination, SCHEMA + ".changes", from)) {
                    ChangeDriver.Driven driven = new ChangeDriver(changes, "app.changes", SEED_ROWS).drive(rate, seconds);
                    OffsetDateTime last = newestChange(changes);
                    waitFor("the last change", sync, () -> !probe.newest().isBefore(last));
                    double applySeconds = since(driveStart);
                    long applied = sync.progress().recordsCommitted() - committedBefore;
                    System.out.printf(Locale.ROOT, "driven: %,d changes (%,d inserts, %,d updates) in %.1f s ="
                            + " %,.0f changes/s sustained%n", driven.changes(), driven.inserts(), driven.updates(),
                            driven.seconds(), driven.rate());
                    System.out.printf(Locale.ROOT, "applied: %,d rows in %.1f s (until the last change was visible)"
                            + " = %,.0f rows/s%n", applied, applySeconds, applied / applySeconds);
                    System.out.println("commit-to-visible latency, " + probe.summary());
                }
            } finally {
                sync.cancel();
                SyncResult result = sync.await();
                System.out.printf(Locale.ROOT, "sync %s after %.1f s%n", result.status(), result.duration().toMillis() / 1e3);
            }
        } finally {
            db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        System.out.printf(Locale.ROOT, "total %.1f s%n", since(begin));
    }

    private SyncRequest request(ObjectNode sourceConfig) {
        ConnectorRegistry registry = ConnectorRegistry.load();
        Source source = registry.source("source-postgres").orElseThrow();
        Destination destination = registry.destination("destination-postgres").orElseThrow();
        ObjectNode destinationConfig = db.connectorConfig().put("schema", SCHEMA).put("normalization", "basic")
                .put("raw_tables", false);
        AirbyteStream stream = source.discover(sourceConfig).streams().stream()
                .filter(s -> s.name().equals("changes")).findFirst().orElseThrow();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.INCREMENTAL,
                List.of("_ab_cdc_lsn"), DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")))));
        return SyncRequest.builder(source, sourceConfig, destination, destinationConfig, catalog)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.DESTINATION, "", ""))
                .continuous(true)
                .build();
    }

    /** Polls until the condition holds; fails when the sync ended or {@link #CATCH_UP} passed. */
    private static void waitFor(String what, SyncHandle sync, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (!condition.call()) {
            if (sync.isDone()) {
                throw new IllegalStateException("the sync ended while waiting for " + what + ": " + sync.await().failure());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not reach the destination within " + CATCH_UP.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    private static OffsetDateTime newestChange(Connection source) throws SQLException {
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SELECT max(changed_at) FROM app.changes")) {
            rs.next();
            OffsetDateTime newest = rs.getObject(1, OffsetDateTime.class);
            if (!source.getAutoCommit()) {
                source.commit();
            }
            return newest;
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + SCHEMA
                + "' AND table_name = 'changes'") > 0;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
