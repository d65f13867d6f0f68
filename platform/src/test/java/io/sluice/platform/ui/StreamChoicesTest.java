package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.api.ApiJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamChoicesTest {
    @Test
    void readsThePostedTableInOrder() {
        Map<String, List<String>> form = Map.ofEntries(Map.entry("streamCount", List.of("3")),
                Map.entry("stream.0.name", List.of("users")), Map.entry("stream.0.namespace", List.of("")), Map.entry("stream.0.selected", List.of("on")),
                Map.entry("stream.0.mode", List.of("incremental:append_dedup")), Map.entry("stream.0.pk", List.of("id", "email", "id", "")),
                Map.entry("stream.1.name", List.of("products")), Map.entry("stream.1.mode", List.of("full_refresh:overwrite")),
                Map.entry("stream.2.name", List.of("purchases")), Map.entry("stream.2.namespace", List.of("shop")),
                Map.entry("stream.2.selected", List.of("on")), Map.entry("stream.2.mode", List.of("incremental:append")),
                Map.entry("stream.2.cursor", List.of("created_at")));
        assertThat(StreamChoices.parse(form)).containsExactly(
                new StreamChoice("users", "", true, new SyncModeOption("incremental", "append_dedup"), "",
                        List.of("id", "email")),
                new StreamChoice("products", "", false, new SyncModeOption("full_refresh", "overwrite"), "", List.of()),
                new StreamChoice("purchases", "shop", true, new SyncModeOption("incremental", "append"), "created_at",
                        List.of()));
    }

    @Test
    void skipsRowsWithoutANameOrAKnownMode() {
        assertThat(StreamChoices.parse(Map.of("streamCount", List.of("2"), "stream.0.name", List.of("users"),
                "stream.0.mode", List.of("nonsense"), "stream.1.mode", List.of("full_refresh:append")))).isEmpty();
        assertThat(StreamChoices.parse(Map.of("streamCount", List.of("many")))).isEmpty();
        assertThat(StreamChoices.parse(Map.of())).isEmpty();
    }

    @Test
    void buildsTheSyncCatalogTheApiTakes() {
        JsonNode catalog = StreamChoices.syncCatalog(List.of(
                new StreamChoice("users", "", true, new SyncModeOption("incremental", "append_dedup"), "updated_at",
                        List.of("id")),
                new StreamChoice("products", "shop", false, new SyncModeOption("full_refresh", "overwrite"), "",
                        List.of())));
        assertThat(catalog.toString()).isEqualTo("{\"streams\":["
                + "{\"stream\":{\"name\":\"users\"},\"config\":{\"selected\":true,\"syncMode\":\"incremental\","
                + "\"destinationSyncMode\":\"append_dedup\",\"cursorField\":[\"updated_at\"],\"primaryKey\":[[\"id\"]]}},"
                + "{\"stream\":{\"name\":\"products\",\"namespace\":\"shop\"},\"config\":{\"selected\":false,"
                + "\"syncMode\":\"full_refresh\",\"destinationSyncMode\":\"overwrite\"}}]}");
    }

    @Test
    void readsAStoredEntryLeavingSourceDefinedCursorAndKeyUnchosen() throws Exception {
        JsonNode sourceDefined = ApiJson.MAPPER.readTree("""
                {"stream": {"name": "users", "sourceDefinedCursor": true, "defaultCursorField": ["updated_at"],
                            "sourceDefinedPrimaryKey": [["id"]]},
                 "config": {"selected": false, "syncMode": "incremental", "destinationSyncMode": "append_dedup",
                            "cursorField": ["updated_at"], "primaryKey": [["id"]]}}""");
        assertThat(StreamChoices.of(sourceDefined)).isEqualTo(new StreamChoice("users", "", false,
                new SyncModeOption("incremental", "append_dedup"), "", List.of()));
        JsonNode userDefined = ApiJson.MAPPER.readTree("""
                {"stream": {"name": "orders", "namespace": "public", "sourceDefinedCursor": false,
                            "sourceDefinedPrimaryKey": []},
                 "config": {"syncMode": "incremental", "destinationSyncMode": "append_dedup",
                            "cursorField": ["changed"], "primaryKey": [["a"], ["b"]]}}""");
        assertThat(StreamChoices.of(userDefined)).isEqualTo(new StreamChoice("orders", "public", true,
                new SyncModeOption("incremental", "append_dedup"), "changed", List.of("a", "b")));
    }
}
