package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StreamDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceMappingTest {
    private static final ConfiguredCatalog CATALOG = new ConfiguredCatalog(List.of(
            TestCatalogs.users(),
            TestCatalogs.configured(AirbyteStream.of(null, "events", TestCatalogs.users().stream().jsonSchema(),
                    List.of(), List.of())),
            TestCatalogs.orders()));

    private static List<StreamDescriptor> descriptors(ConfiguredCatalog catalog) {
        return catalog.streams().stream().map(s -> s.descriptor()).toList();
    }

    @Test
    void twoStreamsMappedOntoOneDestinationStreamAreAConfigError() {
        AirbyteStream schema = TestCatalogs.users().stream();
        ConfiguredCatalog sameNameTwoSchemas = new ConfiguredCatalog(List.of(
                TestCatalogs.configured(AirbyteStream.of("sales", "users", schema.jsonSchema(), List.of(), List.of())),
                TestCatalogs.configured(AirbyteStream.of("crm", "users", schema.jsonSchema(), List.of(), List.of()))));

        assertThat(descriptors(NamespaceMapping.sourceDefault().apply(sameNameTwoSchemas))).hasSize(2);
        assertThatThrownBy(() -> new NamespaceMapping(NamespaceDefinition.DESTINATION, null, "")
                .apply(sameNameTwoSchemas))
                .isInstanceOfSatisfying(io.sluice.cdk.ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(io.sluice.cdk.FailureKind.CONFIG))
                .hasMessageContaining("sales.users").hasMessageContaining("crm.users");
    }

    @Test
    void sourceDefaultKeepsNamesAndNamespaces() {
        assertThat(descriptors(NamespaceMapping.sourceDefault().apply(CATALOG))).containsExactly(
                StreamDescriptor.of("public", "users"), StreamDescriptor.of(null, "events"),
                StreamDescriptor.of("public", "orders"));
    }

    @Test
    void destinationDefaultClearsTheNamespaceAndThePrefixGoesBeforeEveryName() {
        ConfiguredCatalog mapped = new NamespaceMapping(NamespaceDefinition.DESTINATION, null, "pg_").apply(CATALOG);

        assertThat(descriptors(mapped)).containsExactly(StreamDescriptor.of(null, "pg_users"),
                StreamDescriptor.of(null, "pg_events"), StreamDescriptor.of(null, "pg_orders"));
    }

    @Test
    void customFormatReplacesTheSourceNamespace() {
        ConfiguredCatalog mapped = new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT,
                "production_${SOURCE_NAMESPACE}", "").apply(CATALOG);

        assertThat(descriptors(mapped)).containsExactly(StreamDescriptor.of("production_public", "users"),
                StreamDescriptor.of("production_", "events"), StreamDescriptor.of("production_public", "orders"));
    }

    @Test
    void aCustomFormatThatComesOutBlankMeansTheDestinationDefault() {
        NamespaceMapping mapping = new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT, "${SOURCE_NAMESPACE}", "");

        assertThat(descriptors(mapping.apply(CATALOG)).get(1)).isEqualTo(StreamDescriptor.of(null, "events"));
        assertThat(descriptors(mapping.apply(CATALOG)).get(0)).isEqualTo(StreamDescriptor.of("public", "users"));
    }

    @Test
    void mappingKeepsEverythingButTheNames() {
        ConfiguredCatalog mapped = new NamespaceMapping(NamespaceDefinition.DESTINATION, "", "x_").apply(CATALOG);

        for (int i = 0; i < CATALOG.streams().size(); i++) {
            var before = CATALOG.streams().get(i);
            var after = mapped.streams().get(i);
            assertThat(after.stream().jsonSchema()).isEqualTo(before.stream().jsonSchema());
            assertThat(after.syncMode()).isEqualTo(before.syncMode());
            assertThat(after.destinationSyncMode()).isEqualTo(before.destinationSyncMode());
            assertThat(after.effectivePrimaryKey()).isEqualTo(before.effectivePrimaryKey());
        }
    }

    @Test
    void aBlankCustomFormatIsRejected() {
        assertThatThrownBy(() -> new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT, " ", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void definitionsUseAirbytesWireValues() throws Exception {
        var mapper = MessageCodec.mapper();

        assertThat(mapper.writeValueAsString(NamespaceDefinition.CUSTOM_FORMAT)).isEqualTo("\"customformat\"");
        assertThat(mapper.readValue("\"destination\"", NamespaceDefinition.class)).isEqualTo(NamespaceDefinition.DESTINATION);
        assertThat(NamespaceDefinition.fromWire("source")).isEqualTo(NamespaceDefinition.SOURCE);
        assertThatThrownBy(() -> NamespaceDefinition.fromWire("elsewhere")).isInstanceOf(IllegalArgumentException.class);
    }
}
