package io.sluice.connectors.duckdb;

import static io.sluice.connectors.duckdb.DuckDbFixtures.batch;
import static io.sluice.connectors.duckdb.DuckDbFixtures.catalog;
import static io.sluice.connectors.duckdb.DuckDbFixtures.config;
import static io.sluice.connectors.duckdb.DuckDbFixtures.count;
import static io.sluice.connectors.duckdb.DuckDbFixtures.item;
import static io.sluice.connectors.duckdb.DuckDbFixtures.positions;
import static io.sluice.connectors.duckdb.DuckDbFixtures.purchase;
import static io.sluice.connectors.duckdb.DuckDbFixtures.purchases;
import static io.sluice.connectors.duckdb.DuckDbFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StreamDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbDestinationTest {
    private static final StreamDescriptor PURCHASES = StreamDescriptor.of(null, "purchases");

    @TempDir
    Path dir;

    private final DuckDbDestination destination = new DuckDbDestination(CommitPolicy.EVERY_CHECKPOINT);

    @Test
    void specUsesAirbyteFieldNamesAndListsTheSyncModes() {
        var spec = destination.spec();

        assertThat(destination.name()).isEqualTo("destination-duckdb");
        assertThat(spec.connectionSpecification().path("properties").fieldNames())
                .toIterable().containsExactly("destination_path", "schema", "normalization", "raw_tables",
                        "cdc_deletion_mode");
        assertThat(spec.connectionSpecification().path("required").get(0).asText()).isEqualTo("destination_path");
        assertThat(spec.supportedDestinationSyncModes()).containsExactlyInAnyOrder(
                DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);
        assertThat(spec.supportsNormalization()).contains(true);
    }

    @Test
    void checkCreatesTheFileAndItsDirectories() {
        Path file = dir.resolve("nested/deeper/out.duckdb");

        ConnectionStatus status = destination.check(config(file));

        assertThat(status.isSucceeded()).isTrue();
        assertThat(file).exists();
    }

    @Test
    void checkFailsWithAPlainMessageForBadPaths() throws Exception {
        Path notDuckDb = Files.writeString(dir.resolve("notes.duckdb"), "just some text, not a database\n".repeat(100));

        ConnectionStatus directory = destination.check(config(dir));
        ConnectionStatus text = destination.check(config(notDuckDb));
        ConnectionStatus missing = destination.check(MessageCodec.mapper().createObjectNode());

        assertThat(directory.isSucceeded()).isFalse();
        assertThat(directory.message().orElseThrow()).contains("is a directory");
        assertThat(text.isSucceeded()).isFalse();
        assertThat(text.message().orElseThrow()).contains("cannot be opened as a DuckDB database");
        assertThat(missing.message().orElseThrow()).startsWith("destination_path");
    }

    @Test
    void overwriteWritesTypedFlattenedChildAndRawTables() throws Exception {
        Path file = dir.resolve("out.duckdb");
        RecordingAcknowledger acks = new RecordingAcknowledger();

        destination.write(config(file), purchases(DestinationSyncMode.OVERWRITE), new ScriptedInput()
                .rows(batch(purchase(1, "Ann", 100, "Berlin", item("A-1", 2), item("B-7", 1)),
                        purchase(2, "Bob", 200, "Paris")))
                .checkpoint(PURCHASES, 2), acks);

        Map<String, Object> types = query(file, "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = 'purchases'").stream()
                .collect(Collectors.toMap(r -> (String) r.get(0), r -> r.get(1)));
        assertThat(types).containsEntry("id", "BIGINT").containsEntry("name", "VARCHAR")
                .containsEntry("amount", "DOUBLE").containsEntry("active", "BOOLEAN")
                .containsEntry("created", "DATE").containsEntry("updated_at", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("address_city", "VARCHAR").containsEntry("address_geo_lat", "DOUBLE")
                .containsEntry("tags", "JSON").containsEntry("_airbyte_purchases_hashid", "VARCHAR")
                .containsKeys("_airbyte_ab_id", "_airbyte_emitted_at", "_airbyte_normalized_at")
                .doesNotContainKeys("address", "line_items");
        assertThat(query(file, "SELECT id, name, amount, active, CAST(created AS VARCHAR), epoch(updated_at),"
                + " address_city, address_zip, address_geo_lat, CAST(tags AS VARCHAR) FROM purchases ORDER BY id"))
                .containsExactly(
                        List.of(1L, "Ann", 9.5, true, "2024-01-02", 100.0, "Berlin", "10115", 52.5, "[\"new\",\"gift\"]"),
                        List.of(2L, "Bob", 19.0, false, "2024-01-03", 200.0, "Paris", "10115", 52.5, "[\"new\",\"gift\"]"));
        assertThat(query(file, "SELECT p.id, i.sku, i.qty FROM purchases_line_items i JOIN purchases p"
                + " ON i._airbyte_purchases_hashid = p._airbyte_purchases_hashid ORDER BY i.sku"))
                .containsExactly(List.of(1L, "A-1", 2L), List.of(1L, "B-7", 1L));
        assertThat(query(file, "SELECT count(DISTINCT _airbyte_purchases_line_items_hashid) FROM purchases_line_items")
                .get(0).get(0)).isEqualTo(2L);
        JsonNode raw = MessageCodec.mapper().readTree((String) query(file,
                "SELECT CAST(_airbyte_data AS VARCHAR) FROM _airbyte_raw_purchases WHERE _airbyte_data->>'name' = 'Ann'")
                .get(0).get(0));
        assertThat(raw.path("id").asLong()).isEqualTo(1);
        assertThat(raw.path("created").asText()).isEqualTo("2024-01-02");
        assertThat(raw.path("updated_at").asText()).isEqualTo("1970-01-01T00:01:40Z");
        assertThat(raw.path("address").path("geo").path("lat").asDouble()).isEqualTo(52.5);
        assertThat(raw.path("line_items").get(1).path("sku").asText()).isEqualTo("B-7");
        assertThat(query(file, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '_airbyte_tmp%'")
                .get(0).get(0)).isEqualTo(0L);
        assertThat(positions(acks)).containsExactly(2L);
    }

    @Test
    void hashIdIsDeterministicForTheSameValues() throws Exception {
        Path first = dir.resolve("a.duckdb");
        Path second = dir.resolve("b.duckdb");
        for (Path file : List.of(first, second)) {
            destination.write(config(file), purchases(DestinationSyncMode.OVERWRITE), new ScriptedInput()
                    .rows(batch(purchase(1, "Ann", 100, "Berlin", item("A-1", 2)))), new RecordingAcknowledger());
        }

        String sql = "SELECT _airbyte_purchases_hashid FROM purchases";
        assertThat(query(first, sql)).isEqualTo(query(second, sql));
        assertThat((String) query(first, sql).get(0).get(0)).matches("[0-9a-f]{32}");
    }

    @Test
    void failingOverwriteLeavesThePreviousDataAndNoStagingTables() throws Exception {
        Path file = dir.resolve("out.duckdb");
        destination.write(config(file), purchases(DestinationSyncMode.OVERWRITE), new ScriptedInput()
                .rows(batch(purchase(1, "Ann", 100, "Berlin", item("A-1", 2)), purchase(2, "Bob", 200, "Paris"))),
                new RecordingAcknowledger());
        RecordingAcknowledger acks = new RecordingAcknowledger();

        assertThatThrownBy(() -> destination.write(config(file), purchases(DestinationSyncMode.OVERWRITE),
                new ScriptedInput()
                        .rows(batch(purchase(3, "Cid", 300, "Rome")))
                        .checkpoint(PURCHASES, 3)
                        .rows(batch(purchase(4, "Dee", 400, "Oslo")))
                        .thenFail(), acks))
                .isInstanceOf(ConnectorException.class).hasMessage("source went away");

        assertThat(query(file, "SELECT id FROM purchases ORDER BY id")).containsExactly(List.of(1L), List.of(2L));
        assertThat(count(file, "_airbyte_raw_purchases")).isEqualTo(2);
        assertThat(count(file, "purchases_line_items")).isEqualTo(1);
        assertThat(query(file, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '_airbyte_tmp%'")
                .get(0).get(0)).isEqualTo(0L);
        assertThat(acks.states()).as("an overwrite state waits for the swap").isEmpty();
    }

    @Test
    void appendFailureAfterACheckpointKeepsExactlyTheAcknowledgedRows() throws Exception {
        Path file = dir.resolve("out.duckdb");
        RecordingAcknowledger acks = new RecordingAcknowledger();

        assertThatThrownBy(() -> destination.write(config(file), purchases(DestinationSyncMode.APPEND),
                new ScriptedInput()
                        .rows(batch(purchase(1, "Ann", 100, "Berlin", item("A-1", 2)), purchase(2, "Bob", 200, "Paris")))
                        .checkpoint(PURCHASES, 2)
                        .rows(batch(purchase(3, "Cid", 300, "Rome", item("C-3", 5))))
                        .rows(batch(purchase(4, "Dee", 400, "Oslo")))
                        .thenFail(), acks))
                .isInstanceOf(ConnectorException.class);

        assertThat(positions(acks)).containsExactly(2L);
        assertThat(query(file, "SELECT id FROM purchases ORDER BY id")).containsExactly(List.of(1L), List.of(2L));
        assertThat(count(file, "_airbyte_raw_purchases")).isEqualTo(2);
        assertThat(query(file, "SELECT sku FROM purchases_line_items")).containsExactly(List.of("A-1"));
    }

    @Test
    void appendAddsToWhatIsThere() throws Exception {
        Path file = dir.resolve("out.duckdb");
        for (long id = 1; id <= 2; id++) {
            RecordingAcknowledger acks = new RecordingAcknowledger();
            destination.write(config(file), purchases(DestinationSyncMode.APPEND), new ScriptedInput()
                    .rows(batch(purchase(id, "P" + id, 100, "Berlin"))).checkpoint(PURCHASES, id), acks);
            assertThat(positions(acks)).containsExactly(id);
        }

        assertThat(query(file, "SELECT id FROM purchases ORDER BY id")).containsExactly(List.of(1L), List.of(2L));
        assertThat(count(file, "_airbyte_raw_purchases")).isEqualTo(2);
    }

    @Test
    void dedupKeepsTheLatestCursorPerKeyAcrossCheckpointsAndSyncs() throws Exception {
        Path file = dir.resolve("out.duckdb");
        RecordingAcknowledger acks = new RecordingAcknowledger();
        destination.write(config(file), purchases(DestinationSyncMode.APPEND_DEDUP), new ScriptedInput()
                .rows(List.of(
                        purchase(1, "Ann v5", 500, "Berlin", item("A-5", 5)),
                        purchase(2, "Bob v1", 100, "Paris", item("B-1", 1)),
                        purchase(1, "Ann v3", 300, "Berlin", item("A-3", 3))))
                .checkpoint(PURCHASES, 1)
                .rows(batch(purchase(3, "Cid tie a", 100, "Rome"), purchase(3, "Cid tie b", 100, "Rome")))
                .checkpoint(PURCHASES, 2), acks);

        assertThat(positions(acks)).containsExactly(1L, 2L);
        assertThat(query(file, "SELECT id, name FROM purchases ORDER BY id")).containsExactly(
                List.of(1L, "Ann v5"), List.of(2L, "Bob v1"), List.of(3L, "Cid tie b"));

        destination.write(config(file), purchases(DestinationSyncMode.APPEND_DEDUP), new ScriptedInput()
                .rows(List.of(
                        purchase(1, "Ann stale v4", 400, "Berlin", item("A-4", 4)),
                        purchase(2, "Bob v2", 200, "Paris", item("B-2", 2), item("B-2b", 1))))
                .checkpoint(PURCHASES, 3), new RecordingAcknowledger());

        assertThat(query(file, "SELECT id, name FROM purchases ORDER BY id")).containsExactly(
                List.of(1L, "Ann v5"), List.of(2L, "Bob v2"), List.of(3L, "Cid tie b"));
        assertThat(query(file, "SELECT p.id, i.sku FROM purchases_line_items i JOIN purchases p"
                + " USING (_airbyte_purchases_hashid) ORDER BY i.sku"))
                .containsExactly(List.of(1L, "A-5"), List.of(2L, "B-2"), List.of(2L, "B-2b"));
        assertThat(count(file, "purchases_line_items")).isEqualTo(3);
        assertThat(count(file, "_airbyte_raw_purchases")).as("raw keeps every record").isEqualTo(7);
        assertThat(query(file, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '_airbyte_tmp%'")
                .get(0).get(0)).isEqualTo(0L);
    }

    @Test
    void dedupWithoutPrimaryKeyIsAConfigError() {
        var stream = purchases(DestinationSyncMode.APPEND_DEDUP).streams().get(0);
        var noKey = new io.sluice.protocol.ConfiguredCatalog(List.of(io.sluice.protocol.ConfiguredStream.of(
                io.sluice.protocol.AirbyteStream.of(null, "purchases", stream.stream().jsonSchema(), List.of(), List.of()),
                stream.syncMode(), List.of(), DestinationSyncMode.APPEND_DEDUP, List.of())));

        assertThatThrownBy(() -> destination.write(config(dir.resolve("x.duckdb")), noKey, new ScriptedInput(),
                new RecordingAcknowledger()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("no primary key");
    }

    @Test
    void namespacesBecomeSchemasAndNamesAreSanitisedAndTruncated() throws Exception {
        Path file = dir.resolve("out.duckdb");
        String longName = "Orders From The " + "Very ".repeat(15) + "Long Shop";
        var config = config(file).put("schema", "Landing");

        destination.write(config, catalog("Sales-EU", longName, DuckDbFixtures.purchasesSchema(),
                DestinationSyncMode.APPEND), new ScriptedInput().rows(batch(purchase(1, "Ann", 1, "Berlin"))),
                new RecordingAcknowledger());
        destination.write(config, catalog(null, "2nd stream", DuckDbFixtures.purchasesSchema(),
                DestinationSyncMode.APPEND), new ScriptedInput().rows(batch(purchase(1, "Ann", 1, "Berlin"))),
                new RecordingAcknowledger());

        List<List<Object>> tables = query(file, "SELECT table_schema, table_name FROM information_schema.tables"
                + " ORDER BY table_schema, table_name");
        String truncated = TableDdl.NAMES.identifier(longName);
        assertThat(truncated).hasSize(63).startsWith("orders_from_the_very_");
        assertThat(tables).contains(List.of("sales_eu", truncated), List.of("landing", "_2nd_stream"),
                List.of("landing", "_airbyte_raw_2nd_stream"));
        assertThat(count(file, "sales_eu.\"" + truncated + "\"")).isEqualTo(1);
    }

    @Test
    void appendAddsColumnsTheStreamGained() throws Exception {
        Path file = dir.resolve("out.duckdb");
        var narrow = new io.sluice.cdk.RowSchema.JsonSchemaBuilder().property("id", io.sluice.cdk.ValueType.INTEGER).build();
        var wide = new io.sluice.cdk.RowSchema.JsonSchemaBuilder().property("id", io.sluice.cdk.ValueType.INTEGER)
                .property("note", io.sluice.cdk.ValueType.STRING).build();

        destination.write(config(file), catalog(null, "t", narrow, DestinationSyncMode.APPEND),
                new ScriptedInput().rows(batch(new Object[] {1L})), new RecordingAcknowledger());
        destination.write(config(file), catalog(null, "t", wide, DestinationSyncMode.APPEND),
                new ScriptedInput().rows(batch(new Object[] {2L, "hello"})), new RecordingAcknowledger());

        assertThat(query(file, "SELECT id, note FROM t ORDER BY id"))
                .containsExactly(java.util.Arrays.asList(1L, null), List.of(2L, "hello"));
    }

    @Test
    void valuesAreCoercedToTheTypeAnExistingColumnAlreadyHas() throws Exception {
        Path file = dir.resolve("out.duckdb");
        var before = new io.sluice.cdk.RowSchema.JsonSchemaBuilder().property("id", io.sluice.cdk.ValueType.INTEGER)
                .property("qty", io.sluice.cdk.ValueType.INTEGER).build();
        var after = new io.sluice.cdk.RowSchema.JsonSchemaBuilder().property("id", io.sluice.cdk.ValueType.INTEGER)
                .property("qty", io.sluice.cdk.ValueType.STRING).build();

        destination.write(config(file), catalog(null, "t", before, DestinationSyncMode.APPEND),
                new ScriptedInput().rows(batch(new Object[] {1L, 5L})), new RecordingAcknowledger());
        destination.write(config(file), catalog(null, "t", after, DestinationSyncMode.APPEND),
                new ScriptedInput().rows(batch(new Object[] {2L, "42"}, new Object[] {3L, "many"})),
                new RecordingAcknowledger());

        assertThat(query(file, "SELECT id, qty FROM t ORDER BY id")).containsExactly(
                List.of(1L, 5L), List.of(2L, 42L), java.util.Arrays.asList(3L, null));
        assertThat(query(file, "SELECT _airbyte_data->>'qty' FROM _airbyte_raw_t ORDER BY _airbyte_data->>'id'"))
                .as("the raw table keeps what did not fit").containsExactly(List.of("5"), List.of("42"), List.of("many"));
    }

    @Test
    void normalizationNoneWritesOnlyRawTablesAndRawTablesCanBeTurnedOff() throws Exception {
        Path rawOnly = dir.resolve("raw.duckdb");
        Path typedOnly = dir.resolve("typed.duckdb");

        destination.write(config(rawOnly).put("normalization", "none"), purchases(DestinationSyncMode.APPEND),
                new ScriptedInput().rows(batch(purchase(1, "Ann", 1, "Berlin"))), new RecordingAcknowledger());
        destination.write(config(typedOnly).put("raw_tables", false), purchases(DestinationSyncMode.APPEND),
                new ScriptedInput().rows(batch(purchase(1, "Ann", 1, "Berlin"))), new RecordingAcknowledger());

        String tables = "SELECT table_name FROM information_schema.tables ORDER BY table_name";
        assertThat(query(rawOnly, tables)).containsExactly(List.of("_airbyte_raw_purchases"));
        assertThat(query(typedOnly, tables)).containsExactly(List.of("purchases"), List.of("purchases_line_items"));
    }
}
