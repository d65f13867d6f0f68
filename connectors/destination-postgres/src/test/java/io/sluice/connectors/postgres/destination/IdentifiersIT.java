package io.sluice.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdentifiersIT {
    private final TestDatabase database = new TestDatabase(IdentifiersIT.class);

    @AfterEach
    void dropSchemas() {
        database.close();
    }

    @Test
    void longNamesAreTruncatedToSixtyThreeBytesDeterministicallyAndCollisionsResolved() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        String longStream = "Bestellungen aus dem sehr sehr langen Übersee Geschäft " + "ä".repeat(20);
        String longField = "Größe der Lieferung in Kubikmetern ohne Verpackung " + "ö".repeat(20);
        ObjectNode item = JsonSchemas.object(new RowSchema.JsonSchemaBuilder().property("sku", ValueType.STRING)
                .build().with("properties"));
        ObjectNode schema = new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property(longField + " A", ValueType.STRING)
                .property(longField + " B", ValueType.STRING)
                .property("Name", ValueType.STRING)
                .property("name", ValueType.STRING)
                .property("positions " + "x".repeat(60), JsonSchemas.arrayOf(item))
                .build();
        List<ConfiguredStream> streams = new ArrayList<>();
        for (String name : List.of(longStream, "orders-eu", "orders_eu")) {
            streams.add(ConfiguredStream.of(AirbyteStream.of(null, name, schema, List.of(), List.of()),
                    SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.APPEND, List.of()));
        }
        Object[] row = {1L, "a", "b", "N", "n", List.of(java.util.Map.of("sku", "s1"))};
        for (int run = 0; run < 2; run++) {
            new PostgresDestination().write(config, new ConfiguredCatalog(streams), new ListRecordInput(List.of(
                    new io.sluice.cdk.Chunk.RowBatch(0, List.<Object[]>of(row)),
                    new io.sluice.cdk.Chunk.RowBatch(1, List.<Object[]>of(row)),
                    new io.sluice.cdk.Chunk.RowBatch(2, List.<Object[]>of(row)))), new RecordingAcknowledger());
        }

        List<String> tables = TestDatabase.tables(s);
        String root = PostgresConfig.NAMES.identifier(longStream);
        assertThat(root.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(root).startsWith("bestellungen_aus_dem_sehr_sehr_langen_übersee_gesch").matches(".*_[0-9a-f]{8}");
        assertThat(tables).contains(root, "orders_eu", "orders_eu_1", "_airbyte_raw_orders_eu", "_airbyte_raw_orders_eu_1")
                .hasSize(9);
        assertThat(tables).allSatisfy(t -> assertThat(t.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63));
        assertThat(TestDatabase.count(TableDdl.qualified(s, root))).as("two runs, same table").isEqualTo(2);
        assertThat(TestDatabase.count(TableDdl.qualified(s, "orders_eu_1"))).isEqualTo(2);
        List<String> columns = new ArrayList<>(TestDatabase.columnTypes(s, "orders_eu").keySet());
        assertThat(columns).contains("name", "name_1").hasSize(5 + 4);
        assertThat(columns.get(1)).isNotEqualTo(columns.get(2));
        assertThat(columns.subList(1, 3)).allSatisfy(c -> {
            assertThat(c.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
            assertThat(c).startsWith("größe_der_lieferung");
        });
        assertThat(TestDatabase.query("SELECT \"" + columns.get(1) + "\" AS a, \"" + columns.get(2) + "\" AS b FROM "
                + s + ".orders_eu LIMIT 1")).containsExactly(java.util.Map.of("a", "a", "b", "b"));
    }
}
