package io.sluice.connectors.duckdb;

import static io.sluice.connectors.duckdb.DuckDbFixtures.batch;
import static io.sluice.connectors.duckdb.DuckDbFixtures.config;
import static io.sluice.connectors.duckdb.DuckDbFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows deleted at a CDC source, in append_dedup: removed (Hard delete, the default) or kept marked (Soft delete). */
class CdcDeletesTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final StreamDescriptor ORDERS = StreamDescriptor.of(null, "orders");
    private final DuckDbDestination destination = new DuckDbDestination(CommitPolicy.EVERY_CHECKPOINT);

    @TempDir
    Path dir;

    @Test
    void hardDeletesRemoveTheRowAndALaterInsertBringsItBack() throws Exception {
        Path file = dir.resolve("hard.duckdb");
        ObjectNode config = config(file);
        sync(config, batch(row(1, "a", 10, false), row(2, "b", 11, false), row(3, "c", 12, false),
                row(5, "e", 13, false), row(5, null, 14, true)));
        assertThat(query(file, "SELECT id FROM orders ORDER BY id")).containsExactly(List.of(1L), List.of(2L), List.of(3L));

        sync(config, batch(row(2, null, 20, true), row(4, "d", 21, false), row(3, null, 22, true),
                row(3, "c-again", 23, false)));

        assertThat(query(file, "SELECT id, name FROM orders ORDER BY id"))
                .containsExactly(List.of(1L, "a"), List.of(3L, "c-again"), List.of(4L, "d"));
    }

    @Test
    void softDeletesKeepTheRowWithItsDeletionTime() throws Exception {
        Path file = dir.resolve("soft.duckdb");
        ObjectNode config = config(file).put("cdc_deletion_mode", "Soft delete");
        sync(config, batch(row(1, "a", 10, false), row(2, "b", 11, false)));
        sync(config, batch(row(2, null, 20, true)));

        assertThat(query(file, "SELECT id, _ab_cdc_deleted_at IS NOT NULL FROM orders ORDER BY id"))
                .containsExactly(List.of(1L, false), List.of(2L, true));
    }

    private void sync(ObjectNode config, List<Object[]> rows) {
        destination.write(config, catalog(), new ScriptedInput().rows(rows).checkpoint(ORDERS, 1),
                new RecordingAcknowledger());
    }

    private static Object[] row(long id, String name, long lsn, boolean deleted) {
        return new Object[] {id, name, lsn, AT.plusSeconds(lsn), deleted ? AT.plusSeconds(lsn) : null};
    }

    private static ConfiguredCatalog catalog() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode p = schema.putObject("properties");
        p.putObject("id").put("type", "integer");
        p.putObject("name").put("type", "string");
        p.putObject("_ab_cdc_lsn").put("type", "integer");
        p.putObject("_ab_cdc_updated_at").put("type", "string").put("format", "date-time");
        p.putObject("_ab_cdc_deleted_at").put("type", "string").put("format", "date-time");
        AirbyteStream stream = AirbyteStream.of(null, "orders", schema, List.of("_ab_cdc_lsn"), List.of(List.of("id")));
        return new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.INCREMENTAL, List.of("_ab_cdc_lsn"),
                DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")))));
    }
}
