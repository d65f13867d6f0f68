package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.api.ApiJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamRowTest {
    private static final String ORDERS = """
            {"stream": {"name": "order lines", "namespace": "shop", "supportedSyncModes": ["full_refresh", "incremental"],
                        "sourceDefinedCursor": false, "defaultCursorField": [], "sourceDefinedPrimaryKey": [],
                        "jsonSchema": {"properties": {"id": {}, "changed": {}, "amount": {}}}},
             "config": {"selected": true, "syncMode": "incremental", "destinationSyncMode": "append",
                        "cursorField": ["changed"], "primaryKey": []}}""";

    @Test
    void aStreamWithoutSourceDefinedCursorOffersItsTopLevelFields() throws Exception {
        JsonNode entry = ApiJson.MAPPER.readTree(ORDERS);
        StreamRow row = StreamRow.of(2, entry, Optional.empty(), List.of("overwrite", "append"),
                Map.of("shop.order lines", "The cursor field is required."), false);
        assertThat(row.fields()).containsExactly("id", "changed", "amount");
        assertThat(row.sourceCursor()).isEmpty();
        assertThat(row.sourceKey()).isEmpty();
        assertThat(row.choice().cursorField()).isEqualTo("changed");
        assertThat(row.options().stream().map(SyncModeOption::label))
                .containsExactly("Full refresh | Overwrite", "Full refresh | Append", "Incremental | Append");
        assertThat(row.error()).contains("The cursor field is required.");
        assertThat(row.id("mode")).isEqualTo("stream-shop--order_lines-mode");
        assertThat(row.field("mode")).isEqualTo("stream.2.mode");
    }

    @Test
    void aPostedChoiceWinsAndAnUnofferedStoredModeStaysSelectable() throws Exception {
        JsonNode entry = ApiJson.MAPPER.readTree(ORDERS);
        StreamChoice posted = new StreamChoice("order lines", "shop", false,
                new SyncModeOption("incremental", "overwrite"), "", List.of("id"));
        StreamRow row = StreamRow.of(0, entry, Optional.of(posted), List.of(), Map.of(), true);
        assertThat(row.choice()).isEqualTo(posted);
        assertThat(row.options()).contains(new SyncModeOption("incremental", "overwrite"));
        assertThat(row.error()).isEmpty();
        assertThat(row.fresh()).isTrue();
    }
}
