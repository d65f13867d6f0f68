package io.sluice.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text against binary COPY on the benchmark table (bigint, int, numeric(12,2), text, timestamptz,
 * bool; ~100 bytes/row). Runs only with {@code -Dsluice.bench.rows=N} (e.g. 10000000): the encoder
 * straight into COPY, then the whole destination (Basic normalization, no raw table). Timings are
 * logged; each format runs twice and the better run counts.
 */
class CopyFormatBenchmarkIT {
    private static final Logger LOG = LoggerFactory.getLogger(CopyFormatBenchmarkIT.class);
    private final TestDatabase database = new TestDatabase(CopyFormatBenchmarkIT.class);

    @AfterEach
    void dropSchemas() {
        database.close();
    }

    @Test
    void compareFormats() throws Exception {
        long rows = Long.getLong("sluice.bench.rows", 0);
        assumeThat(rows).as("-Dsluice.bench.rows").isPositive();
        long generate = time(() -> {
            BenchRows input = new BenchRows(rows);
            while (input.next().isPresent()) { }
        });
        LOG.info("BENCH generating {} rows alone: {} ms", rows, generate);
        for (int run = 0; run < 2; run++) {
            for (PostgresConfig.CopyFormat format : PostgresConfig.CopyFormat.values()) {
                ObjectNode config = database.config().put("copy_format", format.name().toLowerCase());
                long encoder = time(() -> encoderOnly(config, rows));
                LOG.info("BENCH run {} {} encoder -> COPY, {} rows: {} ms", run, format, rows, encoder);
            }
        }
        for (int run = 0; run < 2; run++) {
            for (PostgresConfig.CopyFormat format : PostgresConfig.CopyFormat.values()) {
                ObjectNode config = database.config().put("copy_format", format.name().toLowerCase())
                        .put("raw_tables", false);
                long whole = time(() -> new PostgresDestination().write(config, Fixtures.catalog(null, "bench",
                        BenchRows.schema(), DestinationSyncMode.APPEND), new BenchRows(rows), new RecordingAcknowledger()));
                assertThat(TestDatabase.count(config.path("schema").asText() + ".bench")).isEqualTo(rows);
                LOG.info("BENCH run {} {} whole destination (normalized), {} rows: {} ms", run, format, rows, whole);
                TestDatabase.execute("DROP SCHEMA \"" + config.path("schema").asText() + "\" CASCADE");
            }
        }
    }

    private static void encoderOnly(ObjectNode configNode, long rows) throws Exception {
        PostgresConfig config = PostgresConfig.from(configNode);
        try (PgSession session = PgSession.open(config)) {
            session.createSchemaIfMissing(config.schema());
            session.execute("CREATE TABLE " + TableDdl.qualified(config.schema(), "bench")
                    + " (id bigint, n int, amount numeric(12,2), label text, ts timestamptz, flag bool)");
            session.commit();
            TableCopy copy = new TableCopy(session, config.schema(), "bench", List.of(
                    new PgColumn("id", PgType.INT8), new PgColumn("n", PgType.INT4),
                    new PgColumn("amount", PgType.NUMERIC), new PgColumn("label", PgType.TEXT),
                    new PgColumn("ts", PgType.TIMESTAMPTZ), new PgColumn("flag", PgType.BOOL)), false,
                    config.copyFormat());
            for (long i = 0; i < rows; i++) {
                copy.append(BenchRows.row(i));
            }
            copy.close();
            session.commit();
        }
        String table = configNode.path("schema").asText() + ".bench";
        assertThat(TestDatabase.count(table)).isEqualTo(rows);
        LOG.info("BENCH table size {}", TestDatabase.query("SELECT pg_size_pretty(pg_table_size('" + table
                + "')) AS s, pg_table_size('" + table + "') / " + rows + " AS per_row").get(0));
        TestDatabase.execute("DROP SCHEMA \"" + configNode.path("schema").asText() + "\" CASCADE");
    }

    private interface Body {
        void run() throws Exception;
    }

    private static long time(Body body) throws Exception {
        long start = System.nanoTime();
        body.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
