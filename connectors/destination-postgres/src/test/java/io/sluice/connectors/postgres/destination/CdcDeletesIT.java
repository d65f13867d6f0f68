package io.sluice.connectors.postgres.destination;

import static io.sluice.connectors.postgres.destination.Fixtures.checkpoint;
import static io.sluice.connectors.postgres.destination.Fixtures.rows;
import static io.sluice.connectors.postgres.destination.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rows deleted at a CDC source, in append_dedup: removed (Hard delete, the default) or kept marked (Soft delete). */
class CdcDeletesIT {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private final TestDatabase database = new TestDatabase(CdcDeletesIT.class);
    private final PostgresDestination destination = new PostgresDestination(CommitPolicy.EVERY_CHECKPOINT);

    @AfterEach
    void dropSchemas() {
        database.close();
    }

    @Test
    void hardDeletesRemoveTheRowAndALaterInsertBringsItBack() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        sync(config, rows(row(1, "a", 10, false), row(2, "b", 11, false), row(3, "c", 12, false),
                row(5, "e", 13, false), row(5, null, 14, true)));
        assertThat(ids(s)).containsExactly(1L, 2L, 3L);

        sync(config, rows(row(2, null, 20, true), row(4, "d", 21, false), row(3, null, 22, true),
                row(3, "c-again", 23, false)));

        assertThat(query("SELECT id, name FROM " + s + ".orders ORDER BY id")).containsExactly(
                Map.of("id", 1L, "name", "a"), Map.of("id", 3L, "name", "c-again"), Map.of("id", 4L, "name", "d"));
    }

    @Test
    void softDeletesKeepTheRowWithItsDeletionTime() {
        ObjectNode config = database.config().put("cdc_deletion_mode", "Soft delete");
        String s = config.path("schema").asText();
        sync(config, rows(row(1, "a", 10, false), row(2, "b", 11, false)));
        sync(config, rows(row(2, null, 20, true)));

        assertThat(query("SELECT id, _ab_cdc_deleted_at IS NOT NULL AS deleted FROM " + s + ".orders ORDER BY id"))
                .containsExactly(Map.of("id", 1L, "deleted", false), Map.of("id", 2L, "deleted", true));
    }

    private void sync(ObjectNode config, Chunk rows) {
        destination.write(config, catalog(), new ListRecordInput(List.of(rows, checkpoint("orders", 1))),
                new RecordingAcknowledger());
    }

    private static Object[] row(long id, String name, long lsn, boolean deleted) {
        return new Object[] {id, name, lsn, AT.plusSeconds(lsn), deleted ? AT.plusSeconds(lsn) : null};
    }

    private static List<Object> ids(String schema) {
        return query("SELECT id FROM " + schema + ".orders ORDER BY id").stream().map(r -> r.get("id")).toList();
    }

    private static ConfiguredCatalog catalog() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode().put("type", "object");
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
