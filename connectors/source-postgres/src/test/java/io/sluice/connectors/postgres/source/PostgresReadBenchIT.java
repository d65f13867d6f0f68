package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;
import java.sql.Connection;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Timings of the full-refresh paths on a big table, run only when asked:
 * {@code -Dsluice.bench.schema=bench_pgsource} (a schema holding table {@code t}).
 */
class PostgresReadBenchIT {
    private static final String SCHEMA = System.getProperty("sluice.bench.schema", "");

    @Test
    void timeEveryPath() throws Exception {
        assumeThat(SCHEMA).as("-Dsluice.bench.schema").isNotEmpty();
        ObjectNode config = PgTestSchemaConfig.of(SCHEMA);
        PostgresSource single = new PostgresSource(100_000, Long.MAX_VALUE);
        AirbyteStream stream = SourceReads.stream(single, config, "t");
        StreamPlan plan;
        try (Connection connection = new PgConnections(PostgresConfig.from(config)).open()) {
            PgTable table = PgCatalog.table(connection, SCHEMA, "t").orElseThrow();
            plan = StreamPlan.of(0, SourceReads.fullRefresh(stream).streams().getFirst(), table);
            for (int round = 0; round < 2; round++) {
                time("JDBC cursor scan (1 connection)", () -> scan(new CursorScan(plan), connection));
                time("binary COPY scan (1 connection)", () -> scan(CopyScan.of(plan).orElseThrow(), connection));
            }
        }
        for (int workers : new int[] {2, 4}) {
            ObjectNode parallel = config.deepCopy().put("parallelism", workers);
            time("source.read COPY chunks x" + workers, () -> read(new PostgresSource(100_000, 1), parallel, stream));
        }
        time("source.read COPY single", () -> read(single, config, stream));
        time("source.read incremental (cursor ts), initial", () -> {
            CountingEmitter out = new CountingEmitter();
            single.read(config, SourceReads.incremental(stream, "ts"), InputState.empty(), out);
            return out.rows;
        });
    }

    private static long scan(TableScan scan, Connection connection) throws Exception {
        LongAdder rows = new LongAdder();
        scan.scan(connection, "", row -> rows.increment());
        return rows.sum();
    }

    private static long read(PostgresSource source, ObjectNode config, AirbyteStream stream) {
        CountingEmitter out = new CountingEmitter();
        source.read(config, SourceReads.fullRefresh(stream), InputState.empty(), out);
        return out.rows;
    }

    private static void time(String what, Timed body) throws Exception {
        long start = System.nanoTime();
        long rows = body.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH %-40s %,d rows in %.2f s (%,.0f rows/s)%n", what, rows, seconds, rows / seconds);
        assertThat(rows).isPositive();
    }

    @FunctionalInterface
    private interface Timed {
        long run() throws Exception;
    }

    private static final class CountingEmitter implements Emitter {
        long rows;

        @Override
        public void record(int streamIndex, Object[] row) {
            rows++;
        }

        @Override
        public void state(StateMessage state) { }

        @Override
        public void log(LogMessage.Level level, String message) { }

        @Override
        public void trace(TraceMessage trace) { }
    }
}
