package io.sluice.connectors.postgres.destination;

import static io.sluice.connectors.postgres.destination.Fixtures.catalog;
import static io.sluice.connectors.postgres.destination.Fixtures.checkpoint;
import static io.sluice.connectors.postgres.destination.Fixtures.customer;
import static io.sluice.connectors.postgres.destination.Fixtures.customersSchema;
import static io.sluice.connectors.postgres.destination.Fixtures.rows;
import static io.sluice.connectors.postgres.destination.TestDatabase.count;
import static io.sluice.connectors.postgres.destination.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.DestinationSyncMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresDestinationIT {
    private final TestDatabase database = new TestDatabase(PostgresDestinationIT.class);
    private final PostgresDestination destination = new PostgresDestination(CommitPolicy.EVERY_CHECKPOINT);

    @AfterEach
    void dropSchemas() {
        database.close();
    }

    private void write(JsonNode config, DestinationSyncMode mode, Chunk... chunks) {
        destination.write(config, catalog(null, "customers", customersSchema(), mode),
                new ListRecordInput(List.of(chunks)), new RecordingAcknowledger());
    }

    @Test
    void theSeedsCustomersLandAsTheSeedShows() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();

        write(config, DestinationSyncMode.APPEND,
                rows(customer(1, "Acme Corp", "info@acme.com", 0, "billing", "New York", "shipping", "Boston")));

        assertThat(TestDatabase.tables(s)).containsExactly("_airbyte_raw_customers", "customers",
                "customers_addresses");
        assertThat(TestDatabase.columnTypes(s, "_airbyte_raw_customers")).containsExactly(
                Map.entry("_airbyte_ab_id", "character varying"),
                Map.entry("_airbyte_emitted_at", "timestamp with time zone"),
                Map.entry("_airbyte_data", "jsonb"));
        assertThat(TestDatabase.columnTypes(s, "customers")).containsExactly(
                Map.entry("id", "bigint"), Map.entry("name", "text"), Map.entry("contact_email", "text"),
                Map.entry("contact_phone", "text"), Map.entry("updated_at", "timestamp with time zone"),
                Map.entry("_airbyte_ab_id", "text"),
                Map.entry("_airbyte_emitted_at", "timestamp with time zone"),
                Map.entry("_airbyte_normalized_at", "timestamp with time zone"),
                Map.entry("_airbyte_customers_hashid", "text"));
        assertThat(TestDatabase.columnTypes(s, "customers_addresses").keySet()).containsExactly(
                "_airbyte_customers_hashid", "type", "city", "_airbyte_ab_id", "_airbyte_emitted_at",
                "_airbyte_normalized_at", "_airbyte_customers_addresses_hashid");

        Map<String, Object> customer = query("SELECT * FROM " + s + ".customers").get(0);
        assertThat(customer).containsEntry("id", 1L).containsEntry("name", "Acme Corp")
                .containsEntry("contact_email", "info@acme.com").containsEntry("contact_phone", "+1234567890");
        assertThat(customer.get("_airbyte_normalized_at")).isNotNull();
        String hashId = (String) customer.get("_airbyte_customers_hashid");
        assertThat(hashId).matches("[0-9a-f]{32}");
        assertThat(query("SELECT _airbyte_customers_hashid AS h, type, city FROM " + s
                + ".customers_addresses ORDER BY type")).containsExactly(
                Map.of("h", hashId, "type", "billing", "city", "New York"),
                Map.of("h", hashId, "type", "shipping", "city", "Boston"));
        Map<String, Object> raw = query("SELECT _airbyte_ab_id, _airbyte_data->>'name' AS name,"
                + " _airbyte_data->'contact'->>'email' AS email, _airbyte_data->'addresses'->1->>'city' AS city FROM "
                + s + "._airbyte_raw_customers").get(0);
        assertThat(raw).containsEntry("name", "Acme Corp").containsEntry("email", "info@acme.com")
                .containsEntry("city", "Boston").containsEntry("_airbyte_ab_id", customer.get("_airbyte_ab_id"));
    }

    @Test
    void overwriteReplacesEveryTableAndAFailedOverwriteLeavesTheOldOnes() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        write(config, DestinationSyncMode.OVERWRITE, rows(customer(1, "A", "a@x", 0, "billing", "Rome")));
        write(config, DestinationSyncMode.OVERWRITE,
                rows(customer(2, "B", "b@x", 0, "billing", "Oslo", "shipping", "Bergen")));

        assertThat(names(s)).containsExactly("B");
        assertThat(count(s + ".customers_addresses")).isEqualTo(2);
        assertThat(count(s + "._airbyte_raw_customers")).isEqualTo(1);

        RecordingAcknowledger acks = new RecordingAcknowledger();
        ListRecordInput failing = new ListRecordInput(List.of(rows(customer(3, "C", "c@x", 0)),
                checkpoint("customers", 1), rows(customer(4, "D", "d@x", 0))),
                ConnectorException.transientError("source died", null));
        assertThatThrownBy(() -> destination.write(config, catalog(null, "customers", customersSchema(),
                DestinationSyncMode.OVERWRITE), failing, acks)).hasMessageContaining("source died");

        assertThat(acks.states()).isEmpty();
        assertThat(names(s)).containsExactly("B");
        assertThat(count(s + ".customers_addresses")).isEqualTo(2);
        assertThat(TestDatabase.tables(s)).noneMatch(t -> t.startsWith("_airbyte_tmp"));
    }

    @Test
    void overwriteCheckpointsCommitNothingBeforeTheSwapAndTheStatesComeAfterIt() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        List<Long> stagedWhileLoading = new java.util.ArrayList<>();
        ListRecordInput chunks = new ListRecordInput(List.of(rows(customer(1, "A", "a@x", 0)),
                checkpoint("customers", 1), rows(customer(2, "B", "b@x", 0)), checkpoint("customers", 2)));
        io.sluice.cdk.RecordInput peeking = () -> {
            if (chunks.consumed() == 4) {
                stagedWhileLoading.add(count(s + "._airbyte_tmp_customers"));
            }
            return chunks.next();
        };
        RecordingAcknowledger acks = new RecordingAcknowledger();

        destination.write(config, catalog(null, "customers", customersSchema(), DestinationSyncMode.OVERWRITE),
                peeking, acks);

        assertThat(stagedWhileLoading).containsExactly(0L);
        assertThat(names(s)).containsExactly("A", "B");
        assertThat(acks.states()).extracting(st -> st.stream().orElseThrow().streamState().orElseThrow()
                .path("position").asInt()).containsExactly(1, 2);
    }

    @Test
    void fullRefreshAppendAndIncrementalAppendKeepEveryRow() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        write(config, DestinationSyncMode.APPEND, rows(customer(1, "A", "a@x", 0, "billing", "Rome")));
        write(config, DestinationSyncMode.APPEND, rows(customer(1, "A2", "a@x", 1, "billing", "Milan")),
                checkpoint("customers", 1), rows(customer(2, "B", "b@x", 1)), checkpoint("customers", 2));

        assertThat(names(s)).containsExactly("A", "A2", "B");
        assertThat(count(s + ".customers_addresses")).isEqualTo(2);
        assertThat(count(s + "._airbyte_raw_customers")).isEqualTo(3);
    }

    @Test
    void dedupKeepsTheLatestRowPerKeyAndReplacesItsChildRows() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        RecordingAcknowledger acks = new RecordingAcknowledger();
        destination.write(config, catalog(null, "customers", customersSchema(), DestinationSyncMode.APPEND_DEDUP),
                new ListRecordInput(List.of(
                        rows(customer(1, "A", "a@x", 5, "billing", "Rome", "shipping", "Turin"),
                                customer(2, "B", "b@x", 5, "billing", "Oslo")),
                        checkpoint("customers", 1),
                        rows(customer(1, "A-stale", "a@x", 4, "billing", "Nowhere"),
                                customer(2, "B-tie", "b@x", 5, "billing", "Bergen"),
                                customer(3, "C", "c@x", 1)),
                        checkpoint("customers", 2))), acks);
        destination.write(config, catalog(null, "customers", customersSchema(), DestinationSyncMode.APPEND_DEDUP),
                new ListRecordInput(List.of(rows(customer(1, "A-new", "a@x", 9, "home", "Paris"),
                        customer(1, "A-mid", "a@x", 7, "home", "Lyon")), checkpoint("customers", 3))), acks);

        assertThat(query("SELECT id, name FROM " + s + ".customers ORDER BY id")).containsExactly(
                Map.of("id", 1L, "name", "A-new"), Map.of("id", 2L, "name", "B-tie"), Map.of("id", 3L, "name", "C"));
        assertThat(query("SELECT c.id, a.city FROM " + s + ".customers c JOIN " + s
                + ".customers_addresses a USING (_airbyte_customers_hashid) ORDER BY c.id, a.city")).containsExactly(
                Map.of("id", 1L, "city", "Paris"), Map.of("id", 2L, "city", "Bergen"));
        assertThat(count(s + ".customers_addresses")).isEqualTo(2);
        assertThat(count(s + "._airbyte_raw_customers")).isEqualTo(7);
        assertThat(acks.states()).extracting(st -> st.stream().orElseThrow().streamState().orElseThrow()
                .path("position").asInt()).containsExactly(1, 2, 3);
        assertThat(TestDatabase.tables(s)).noneMatch(t -> t.startsWith("_airbyte_tmp"));
    }

    @Test
    void dedupIntoAnEmptyTableKeepsOnlyTheLatestStagedRowAndItsChildren() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        new PostgresDestination().write(config,
                catalog(null, "customers", customersSchema(), DestinationSyncMode.APPEND_DEDUP),
                new ListRecordInput(List.of(
                        rows(customer(1, "A-old", "a@x", 1, "billing", "Rome"), customer(2, "B", "b@x", 1)),
                        rows(customer(1, "A-new", "a@x", 2, "home", "Paris"),
                                customer(2, "B-stale", "b@x", 0, "home", "Nowhere"),
                                customer(2, "B-tie", "b@x", 1, "home", "Oslo")),
                        checkpoint("customers", 1))), new RecordingAcknowledger());

        assertThat(query("SELECT id, name FROM " + s + ".customers ORDER BY id")).containsExactly(
                Map.of("id", 1L, "name", "A-new"), Map.of("id", 2L, "name", "B-tie"));
        assertThat(query("SELECT city FROM " + s + ".customers_addresses ORDER BY city")).containsExactly(
                Map.of("city", "Oslo"), Map.of("city", "Paris"));
    }

    @Test
    void checkSpeaksPlainWords() {
        ConnectionStatus noDatabase = destination.check(database.config().put("database", "no_such_db_sluice"));
        ConnectionStatus noRole = destination.check(database.config().put("username", "no_such_role_sluice"));
        ConnectionStatus good = destination.check(database.config());

        assertThat(noDatabase.message().orElseThrow()).contains("database \"no_such_db_sluice\" does not exist");
        assertThat(noRole.message().orElseThrow()).contains("no_such_role_sluice");
        assertThat(good.status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
    }

    @Test
    void normalizationNoneWritesOnlyRawTables() {
        ObjectNode config = database.config().put("normalization", "none");
        String s = config.path("schema").asText();
        write(config, DestinationSyncMode.APPEND, rows(customer(1, "A", "a@x", 0, "billing", "Rome")));

        assertThat(TestDatabase.tables(s)).containsExactly("_airbyte_raw_customers");
    }

    private static List<String> names(String schema) {
        return query("SELECT name FROM " + schema + ".customers ORDER BY name").stream()
                .map(r -> (String) r.get("name")).collect(Collectors.toList());
    }
}
