package io.sluice.connectors.duckdb;

import static io.sluice.connectors.duckdb.DuckDbFixtures.catalog;
import static io.sluice.connectors.duckdb.DuckDbFixtures.config;
import static io.sluice.connectors.duckdb.DuckDbFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.DestinationSyncMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a million 10-column rows and logs how long it took (timed, not asserted). */
class DuckDbLoadTimingTest {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbLoadTimingTest.class);
    private static final int ROWS = 1_000_000;
    private static final int BATCH = 10_000;

    @TempDir
    Path dir;

    @Test
    void appendsAMillionRows() throws Exception {
        var schema = new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER).property("customer", ValueType.INTEGER)
                .property("amount", ValueType.NUMBER).property("name", ValueType.STRING)
                .property("email", ValueType.STRING).property("active", ValueType.BOOLEAN)
                .property("created", ValueType.DATE).property("updated_at", ValueType.TIMESTAMP_TZ)
                .property("score", ValueType.NUMBER).property("country", ValueType.STRING)
                .build();
        var catalog = catalog(null, "events", schema, DestinationSyncMode.APPEND);

        for (boolean raw : List.of(false, true)) {
            Path file = dir.resolve("timing-" + raw + ".duckdb");
            long start = System.nanoTime();
            new DuckDbDestination().write(config(file).put("raw_tables", raw), catalog, new GeneratedInput(),
                    new RecordingAcknowledger());
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("Appended {} rows x 10 columns (raw_tables={}) in {} ms", ROWS, raw, millis);

            assertThat(count(file, "events")).isEqualTo(ROWS);
            if (raw) {
                assertThat(count(file, "_airbyte_raw_events")).isEqualTo(ROWS);
            }
        }
    }

    private static final class GeneratedInput implements RecordInput {
        private final Instant base = Instant.parse("2024-01-01T00:00:00Z");
        private final LocalDate day = LocalDate.of(2024, 1, 1);
        private int produced;

        @Override
        public Optional<Chunk> next() {
            if (produced >= ROWS) {
                return Optional.empty();
            }
            List<Object[]> rows = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++, produced++) {
                long id = produced;
                rows.add(new Object[] {id, id % 1000, id * 0.25, "name-" + id, "user" + id + "@example.com",
                    id % 2 == 0, day.plusDays(id % 365), base.plusSeconds(id), id / 7.0, "DE"});
            }
            return Optional.of(new Chunk.RowBatch(0, rows));
        }
    }
}
