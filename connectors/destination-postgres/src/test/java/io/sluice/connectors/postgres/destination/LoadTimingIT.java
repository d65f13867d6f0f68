package io.sluice.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A 1M-row load through the whole destination; the time is logged, not asserted. */
class LoadTimingIT {
    private static final Logger LOG = LoggerFactory.getLogger(LoadTimingIT.class);
    private static final long ROWS = 1_000_000;

    private final TestDatabase database = new TestDatabase(LoadTimingIT.class);

    @AfterEach
    void dropSchemas() {
        database.close();
    }

    @Test
    void loadsAMillionRows() {
        ObjectNode config = database.config().put("raw_tables", false);
        String s = config.path("schema").asText();

        long start = System.nanoTime();
        new PostgresDestination().write(config, Fixtures.catalog(null, "bench", BenchRows.schema(),
                DestinationSyncMode.APPEND), new BenchRows(ROWS), new RecordingAcknowledger());
        long millis = (System.nanoTime() - start) / 1_000_000;

        LOG.info("Loaded {} rows (normalized, binary COPY, no raw table) in {} ms: {} rows/s", ROWS, millis,
                ROWS * 1000 / Math.max(1, millis));
        assertThat(TestDatabase.count(s + ".bench")).isEqualTo(ROWS);
        assertThat(TestDatabase.query("SELECT sum(id) AS s, count(DISTINCT _airbyte_bench_hashid) AS h FROM " + s
                + ".bench").get(0)).containsEntry("s", new java.math.BigDecimal(ROWS * (ROWS - 1) / 2))
                .containsEntry("h", ROWS);
    }
}
