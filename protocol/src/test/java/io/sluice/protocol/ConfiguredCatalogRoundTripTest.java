package io.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configured catalog as the Airbyte platform passes it with {@code --catalog}. */
class ConfiguredCatalogRoundTripTest {
    private static final ObjectMapper MAPPER = MessageCodec.mapper();

    private static final String CATALOG = """
            {"streams": [
              {"stream": {"name": "users", "namespace": "public",
                          "json_schema": {"type": "object", "properties": {"id": {"type": "integer"},
                                          "updated_at": {"type": "string", "format": "date-time"}}},
                          "supported_sync_modes": ["full_refresh", "incremental"],
                          "source_defined_cursor": false, "default_cursor_field": [],
                          "source_defined_primary_key": [["id"]]},
               "sync_mode": "incremental", "cursor_field": ["updated_at"],
               "destination_sync_mode": "append_dedup", "primary_key": [["id"]],
               "generation_id": 3, "minimum_generation_id": 0, "sync_id": 42, "x_configured": {"k": "v"}},
              {"stream": {"name": "orders", "json_schema": {"type": "object", "properties": {}},
                          "supported_sync_modes": ["full_refresh"], "default_cursor_field": [],
                          "source_defined_primary_key": []},
               "sync_mode": "full_refresh", "cursor_field": [], "destination_sync_mode": "overwrite",
               "primary_key": []},
              {"stream": {"name": "events", "json_schema": {"type": "object", "properties": {}},
                          "supported_sync_modes": ["incremental"], "default_cursor_field": ["ts"],
                          "source_defined_primary_key": [["a", "b"], ["c"]]},
               "sync_mode": "incremental", "cursor_field": [], "destination_sync_mode": "append",
               "primary_key": []}],
             "x_catalog": 1}
            """;

    @Test
    void roundTripsAsTheSameTree() throws Exception {
        JsonNode original = MAPPER.readTree(CATALOG);

        ConfiguredCatalog catalog = MAPPER.treeToValue(original, ConfiguredCatalog.class);

        assertThat((JsonNode) MAPPER.readTree(MAPPER.writeValueAsString(catalog))).isEqualTo(original);
    }

    @Test
    void readsModesCursorsAndKeys() throws Exception {
        ConfiguredCatalog catalog = MAPPER.readValue(CATALOG, ConfiguredCatalog.class);

        ConfiguredStream users = catalog.streams().get(0);
        ConfiguredStream orders = catalog.streams().get(1);
        ConfiguredStream events = catalog.streams().get(2);
        assertThat(catalog.streams()).extracting(ConfiguredStream::destinationSyncMode).containsExactly(
                DestinationSyncMode.APPEND_DEDUP, DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND);
        assertThat(catalog.streams()).extracting(ConfiguredStream::syncMode).containsExactly(
                SyncMode.INCREMENTAL, SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
        assertThat(users.descriptor()).isEqualTo(StreamDescriptor.of("public", "users"));
        assertThat(users.cursorField()).containsExactly("updated_at");
        assertThat(users.primaryKey()).containsExactly(List.of("id"));
        assertThat(users.generationId()).contains(3L);
        assertThat(users.syncId()).contains(42L);
        assertThat(orders.descriptor().namespace()).isEmpty();
        assertThat(orders.cursorField()).isEmpty();
        assertThat(events.effectiveCursorField()).containsExactly("ts");
        assertThat(events.effectivePrimaryKey()).containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void writesModesInLowerCase() throws Exception {
        ConfiguredStream stream = ConfiguredStream.of(
                AirbyteStream.of(null, "s", MAPPER.createObjectNode().put("type", "object"), List.of(), List.of()),
                SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")));

        JsonNode json = MAPPER.valueToTree(new ConfiguredCatalog(List.of(stream)));

        assertThat(json.at("/streams/0/sync_mode").asText()).isEqualTo("full_refresh");
        assertThat(json.at("/streams/0/destination_sync_mode").asText()).isEqualTo("append_dedup");
        assertThat(json.at("/streams/0/primary_key/0/0").asText()).isEqualTo("id");
        assertThat(json.at("/streams/0/stream").has("namespace")).isFalse();
    }
}
