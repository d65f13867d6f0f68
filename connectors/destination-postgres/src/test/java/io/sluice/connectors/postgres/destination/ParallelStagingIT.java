package io.sluice.connectors.postgres.destination;

import static io.sluice.connectors.postgres.destination.Fixtures.catalog;
import static io.sluice.connectors.postgres.destination.Fixtures.checkpoint;
import static io.sluice.connectors.postgres.destination.TestDatabase.count;
import static io.sluice.connectors.postgres.destination.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Staging tables loaded over several connections: many COPY buffers, spread over the senders. */
class ParallelStagingIT {
    private static final int ROWS = 60_000;
    private final TestDatabase database = new TestDatabase(ParallelStagingIT.class);

    @AfterEach
    void dropSchemas() {
        database.close();
    }

    @Test
    void anOverwriteOfManyBuffersLandsEveryRowOnceAndLeavesNoStaging() {
        ObjectNode config = database.config().put("raw_tables", true);
        String s = config.path("schema").asText();
        RecordingAcknowledger acks = new RecordingAcknowledger();

        new PostgresDestination().write(config, catalog(null, "bench", BenchRows.schema(), DestinationSyncMode.OVERWRITE),
                withCheckpoints(version(0, "v")), acks);

        assertThat(query("SELECT count(*) AS n, count(DISTINCT id) AS ids, sum(id) AS total FROM " + s + ".bench"))
                .containsExactly(Map.of("n", (long) ROWS, "ids", (long) ROWS,
                        "total", java.math.BigDecimal.valueOf((long) ROWS * (ROWS - 1) / 2)));
        assertThat(count(s + "._airbyte_raw_bench")).isEqualTo(ROWS);
        assertThat(acks.states()).hasSize(ROWS / BenchRows.BATCH);
        assertThat(TestDatabase.tables(s)).containsExactly("_airbyte_raw_bench", "bench");
    }

    @Test
    void dedupAcrossParallelBuffersKeepsTheLaterArrival() {
        ObjectNode config = database.config().put("raw_tables", false);
        String s = config.path("schema").asText();
        List<Chunk> chunks = new ArrayList<>(version(0, "old"));
        chunks.addAll(version(0, "new"));
        RecordingAcknowledger acks = new RecordingAcknowledger();

        new PostgresDestination(CommitPolicy.EVERY_CHECKPOINT).write(config,
                catalog(null, "bench", BenchRows.schema(), DestinationSyncMode.APPEND_DEDUP), withCheckpoints(chunks),
                acks);

        assertThat(query("SELECT count(*) AS n, count(*) FILTER (WHERE label LIKE 'new%') AS fresh FROM " + s
                + ".bench")).containsExactly(Map.of("n", (long) ROWS, "fresh", (long) ROWS));
        assertThat(acks.states()).hasSize(2 * ROWS / BenchRows.BATCH);
    }

    @Test
    void aFailedOverwriteKeepsTheOldTableAndDropsTheParallelStaging() {
        ObjectNode config = database.config().put("raw_tables", false);
        String s = config.path("schema").asText();
        new PostgresDestination().write(config, catalog(null, "bench", BenchRows.schema(), DestinationSyncMode.OVERWRITE),
                new ListRecordInput(version(0, "first")), new RecordingAcknowledger());

        assertThatThrownBy(() -> new PostgresDestination().write(config,
                catalog(null, "bench", BenchRows.schema(), DestinationSyncMode.OVERWRITE),
                new ListRecordInput(version(0, "second"), ConnectorException.transientError("source died", null)),
                new RecordingAcknowledger())).hasMessageContaining("source died");

        assertThat(query("SELECT count(*) AS n FROM " + s + ".bench WHERE label LIKE 'first%'"))
                .containsExactly(Map.of("n", (long) ROWS));
        assertThat(TestDatabase.tables(s)).containsExactly("bench");
    }

    /** ROWS rows in batches, their labels starting with {@code prefix}. */
    private static List<Chunk> version(long firstId, String prefix) {
        List<Chunk> chunks = new ArrayList<>();
        for (long start = firstId; start < firstId + ROWS; start += BenchRows.BATCH) {
            List<Object[]> rows = new ArrayList<>();
            for (long id = start; id < start + BenchRows.BATCH; id++) {
                Object[] row = BenchRows.row(id);
                row[3] = prefix + "-" + row[3];
                rows.add(row);
            }
            chunks.add(new Chunk.RowBatch(0, rows));
        }
        return chunks;
    }

    private static ListRecordInput withCheckpoints(List<Chunk> batches) {
        List<Chunk> chunks = new ArrayList<>();
        int position = 0;
        for (Chunk batch : batches) {
            chunks.add(batch);
            chunks.add(checkpoint("bench", ++position));
        }
        return new ListRecordInput(chunks);
    }
}
