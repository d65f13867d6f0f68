package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.cdk.testkit.CountingEmitter;
import io.sluice.cdk.testkit.InterruptedRead;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Large reads: parallel ranges give exactly the rows of one cursor, a million rows pass in constant
 * memory (failsafe runs with a small heap), and cancellation stops a read promptly.
 */
class PostgresBigReadIT {
    private PgTestSchema db;

    @BeforeEach
    void createTables() {
        db = new PgTestSchema(getClass());
        db.sql("CREATE TABLE $s.chunked (id int, a int, s text, ts timestamptz)",
                "INSERT INTO $s.chunked SELECT g, g % 7, md5(g::text), now() - g * interval '1 s' "
                        + "FROM generate_series(1, 60000) g",
                "INSERT INTO $s.chunked SELECT 5, 5, 'dup', NULL FROM generate_series(1, 30)",
                "UPDATE $s.chunked SET s = 'moved ' || id WHERE id % 97 = 0",
                "DELETE FROM $s.chunked WHERE id % 101 = 0",
                "ANALYZE $s.chunked",
                "CREATE TABLE $s.million AS SELECT g id, (g % 1000)::int a, (g % 100000)::numeric(12,2) / 7 n, "
                        + "md5(g::text) s, now() - g * interval '1 second' ts, g % 2 = 0 b "
                        + "FROM generate_series(1, 1000000) g",
                "ANALYZE $s.million");
    }

    @AfterEach
    void dropSchema() {
        db.close();
    }

    @Test
    void parallelRangesReadExactlyTheRowsOfOneCursor() throws Exception {
        PostgresSource chunking = new PostgresSource(10_000, 1);
        ObjectNode config = db.config().put("parallelism", 3);
        AirbyteStream stream = SourceReads.stream(chunking, config, "chunked");

        CollectingEmitter parallel = SourceReads.read(chunking, config, SourceReads.fullRefresh(stream), InputState.empty());

        List<List<Object>> expected = new ArrayList<>();
        try (Connection connection = new PgConnections(PostgresConfig.from(config)).open()) {
            PgTable table = PgCatalog.table(connection, db.name(), "chunked").orElseThrow();
            assertThat(table.pages()).isGreaterThan(100);
            StreamPlan plan = StreamPlan.of(0, SourceReads.fullRefresh(stream).streams().getFirst(), table);
            new CursorScan(plan).scan(connection, "", row -> expected.add(Arrays.asList(row)));
        }
        assertThat(expected).hasSize(60_030 - 594);
        assertThat(counts(parallel.rows(0).stream().map(Arrays::asList).toList())).isEqualTo(counts(expected));
        assertThat(parallel.states()).isNotEmpty();
    }

    @Test
    void aMillionRowsPassInConstantMemory() {
        for (PostgresSource source : List.of(new PostgresSource(), new PostgresSource(100_000, 1))) {
            ObjectNode config = db.config().put("parallelism", 2);
            AirbyteStream stream = SourceReads.stream(source, config, "million");
            CountingEmitter out = new CountingEmitter(-1);

            source.read(config, SourceReads.fullRefresh(stream), InputState.empty(), out);

            assertThat(out.rows()).isEqualTo(1_000_000);
            assertThat(out.idSum()).isEqualTo(1_000_000L * 1_000_001L / 2);
            assertThat(out.states()).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void anEmitterCancellingStopsTheReadAndTheConnectionsEnd() throws Exception {
        for (PostgresSource source : List.of(new PostgresSource(), new PostgresSource(100_000, 1))) {
            ObjectNode config = db.config().put("parallelism", 2);
            AirbyteStream stream = SourceReads.stream(source, config, "million");
            CountingEmitter out = new CountingEmitter(50_000);

            assertThatThrownBy(() -> source.read(config, SourceReads.fullRefresh(stream), InputState.empty(), out))
                    .isInstanceOf(SyncCancelledException.class);
            assertThat(out.rows()).isEqualTo(50_000);
        }
        awaitNoOtherSessionsOnTheSchema();
    }

    @Test
    void interruptingTheReadingThreadStopsItPromptly() throws Exception {
        for (PostgresSource source : List.of(new PostgresSource(), new PostgresSource(100_000, 1))) {
            ObjectNode config = db.config().put("parallelism", 2);
            AirbyteStream stream = SourceReads.stream(source, config, "million");

            InterruptedRead.Outcome outcome = InterruptedRead.run(out ->
                    source.read(config, SourceReads.fullRefresh(stream), InputState.empty(), out));

            assertThat(outcome.stillRunning()).isFalse();
            assertThat(outcome.stoppedAfter()).isLessThan(Duration.ofSeconds(5));
            assertThat(outcome.failure()).isInstanceOf(SyncCancelledException.class);
            assertThat(outcome.rows()).isLessThan(1_000_000);
        }
        awaitNoOtherSessionsOnTheSchema();
    }

    private void awaitNoOtherSessionsOnTheSchema() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long active;
        do {
            try (var s = db.connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                            + "AND query LIKE '%" + db.name() + "%' AND pid <> pg_backend_pid()")) {
                rs.next();
                active = rs.getLong(1);
            }
            if (active > 0) {
                Thread.sleep(100);
            }
        } while (active > 0 && System.nanoTime() < deadline);
        assertThat(active).as("queries still running on the test schema").isZero();
    }

    private static Map<List<Object>, Integer> counts(List<List<Object>> rows) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }
}
