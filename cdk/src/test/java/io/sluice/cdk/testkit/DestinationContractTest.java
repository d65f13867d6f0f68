package io.sluice.cdk.testkit;

import static io.sluice.cdk.testkit.ListRecordInput.checkpoint;
import static io.sluice.cdk.testkit.ListRecordInput.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every destination passes. A connector's test extends this class; the kit writes
 * its own stream {@code contract_items} (no namespace, so the destination's default applies)
 * with columns {@code id} (integer, primary key), {@code name} (string) and {@code updated_at}
 * (timestamp with time zone, cursor), then reads the final table back through {@link #readBack}.
 * A sync mode the spec does not list is skipped.
 */
public abstract class DestinationContractTest {
    /** The kit's stream name. */
    public static final String STREAM = "contract_items";

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** The destination under test. */
    protected abstract Destination destination();

    /** A working config; each test calls it once and must get a fresh, empty location. */
    protected abstract JsonNode validConfig();

    /** Configs that {@code check} must reject with a message. */
    protected abstract List<JsonNode> invalidConfigs();

    /**
     * The rows of the destination's final table for a stream, column name to value as the
     * destination gives it back (extra columns such as {@code _airbyte_*} are fine).
     *
     * @param namespace null when the catalog had none: the destination's default applies
     */
    protected abstract List<Map<String, Object>> readBack(JsonNode config, String namespace, String streamName);

    /** The kit's catalog: {@code contract_items} written with {@code mode}. */
    public static ConfiguredCatalog catalog(DestinationSyncMode mode) {
        AirbyteStream stream = AirbyteStream.of(null, STREAM, new RowSchema.JsonSchemaBuilder()
                        .property("id", ValueType.INTEGER)
                        .property("name", ValueType.STRING)
                        .property("updated_at", ValueType.TIMESTAMP_TZ)
                        .build(),
                List.of("updated_at"), List.of(List.of("id")));
        SyncMode syncMode = mode == DestinationSyncMode.OVERWRITE ? SyncMode.FULL_REFRESH : SyncMode.INCREMENTAL;
        return new ConfiguredCatalog(List.of(
                ConfiguredStream.of(stream, syncMode, List.of("updated_at"), mode, List.of(List.of("id")))));
    }

    /** A row of the kit's stream, updated {@code minutes} after 2024-01-01T00:00Z. */
    public static Object[] item(long id, String name, int minutes) {
        return new Object[] {id, name, T0.plusSeconds(60L * minutes)};
    }

    /** A STREAM state for the kit's stream holding {@code {"position": position}}. */
    public static StateMessage state(int position) {
        return StateMessage.ofStream(StreamDescriptor.of(null, STREAM),
                JsonNodeFactory.instance.objectNode().put("position", position));
    }

    @Test
    public void specIsAValidJsonSchemaOfAnObject() {
        SpecChecks.assertValidSpec(destination().spec());
        assertThat(destination().spec().supportedDestinationSyncModes()).as("supported_destination_sync_modes")
                .isNotEmpty();
    }

    @Test
    public void checkSucceedsWithTheValidConfig() {
        SpecChecks.assertCheckSucceeds(destination()::check, validConfig());
    }

    @Test
    public void checkFailsCleanlyOnInvalidConfigs() {
        SpecChecks.assertCheckFailsCleanly(destination()::check, invalidConfigs());
    }

    @Test
    public void overwriteReplacesWhatWasThere() {
        assumeSupported(DestinationSyncMode.OVERWRITE);
        JsonNode config = validConfig();

        write(config, DestinationSyncMode.OVERWRITE, rows(0, item(1, "a", 1), item(2, "b", 1), item(3, "c", 1)));
        write(config, DestinationSyncMode.OVERWRITE, rows(0, item(4, "d", 2), item(5, "e", 2)));

        assertThat(namesById(config)).isEqualTo(Map.of(4L, "d", 5L, "e"));
    }

    @Test
    public void appendKeepsEveryRow() {
        assumeSupported(DestinationSyncMode.APPEND);
        JsonNode config = validConfig();

        write(config, DestinationSyncMode.APPEND, rows(0, item(1, "a", 1), item(2, "b", 1)));
        write(config, DestinationSyncMode.APPEND, rows(0, item(2, "b2", 2), item(3, "c", 2)));

        List<Map<String, Object>> rows = readBack(config, null, STREAM);
        assertThat(rows).hasSize(4);
        assertThat(rows).extracting(r -> id(r)).containsExactlyInAnyOrder(1L, 2L, 2L, 3L);
        assertThat(rows).extracting(r -> String.valueOf(r.get("name"))).containsExactlyInAnyOrder("a", "b", "b2", "c");
    }

    @Test
    public void appendDedupKeepsTheLatestRowPerKey() {
        assumeSupported(DestinationSyncMode.APPEND_DEDUP);
        JsonNode config = validConfig();

        write(config, DestinationSyncMode.APPEND_DEDUP,
                rows(0, item(1, "a", 1), item(2, "b", 5), item(3, "c", 1)));
        write(config, DestinationSyncMode.APPEND_DEDUP,
                rows(0, item(1, "a-late", 9), item(1, "a-mid", 4), item(2, "b-stale", 2), item(4, "d", 1)));

        assertThat(namesById(config)).isEqualTo(Map.of(1L, "a-late", 2L, "b", 3L, "c", 4L, "d"));
    }

    @Test
    public void everyCheckpointIsAcknowledgedInOrder() {
        assumeSupported(DestinationSyncMode.APPEND);
        JsonNode config = validConfig();
        RecordingAcknowledger acknowledger = new RecordingAcknowledger();

        destination().write(config, catalog(DestinationSyncMode.APPEND), new ListRecordInput(List.of(
                rows(0, item(1, "a", 1)), checkpoint(state(1)),
                rows(0, item(2, "b", 1), item(3, "c", 1)), checkpoint(state(2)),
                checkpoint(state(3)),
                rows(0, item(4, "d", 1)), checkpoint(state(4)))), acknowledger);

        assertThat(positions(acknowledger.states())).containsExactly(1, 2, 3, 4);
        assertThat(namesById(config)).hasSize(4);
    }

    @Test
    public void aFailedSourceLeavesOnlyAcknowledgedRows() {
        assumeSupported(DestinationSyncMode.APPEND);
        JsonNode config = validConfig();
        RecordingAcknowledger acknowledger = new RecordingAcknowledger();
        ConnectorException failure = ConnectorException.transientError("the source lost its connection", null);
        ListRecordInput input = new ListRecordInput(List.of(
                rows(0, item(1, "a", 1), item(2, "b", 1)), checkpoint(state(1)),
                rows(0, item(3, "c", 2), item(4, "d", 2))), failure);

        assertThatThrownBy(() -> destination().write(config, catalog(DestinationSyncMode.APPEND), input, acknowledger))
                .as("write() must rethrow the source's failure").isNotNull();

        // A destination may commit at the checkpoint or defer it; either way it shows exactly the rows
        // that its acknowledged states cover.
        List<Integer> acknowledged = positions(acknowledger.states());
        assertThat(acknowledged).isIn(List.of(), List.of(1));
        assertThat(namesById(config)).isEqualTo(acknowledged.isEmpty() ? Map.of() : Map.of(1L, "a", 2L, "b"));
    }

    private void write(JsonNode config, DestinationSyncMode mode, Chunk... chunks) {
        destination().write(config, catalog(mode), new ListRecordInput(List.of(chunks)), new RecordingAcknowledger());
    }

    private void assumeSupported(DestinationSyncMode mode) {
        assumeThat(destination().spec().supportedDestinationSyncModes()).as("supported_destination_sync_modes")
                .contains(mode);
    }

    /** The final table as id -> name; fails on a repeated id. */
    private Map<Long, String> namesById(JsonNode config) {
        List<Map<String, Object>> rows = readBack(config, null, STREAM);
        Map<Long, String> names = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String previous = names.put(id(row), String.valueOf(row.get("name")));
            assertThat(previous).as("id %s appears more than once in %s", id(row), STREAM).isNull();
        }
        return names;
    }

    private static long id(Map<String, Object> row) {
        assertThat(row).as("a row read back").containsKey("id");
        return ((Number) row.get("id")).longValue();
    }

    private static List<Integer> positions(List<StateMessage> states) {
        return states.stream()
                .map(s -> s.stream().orElseThrow().streamState().orElseThrow().path("position").asInt())
                .toList();
    }
}
