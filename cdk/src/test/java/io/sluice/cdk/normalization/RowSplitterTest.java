package io.sluice.cdk.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowSplitterTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void splitsTheSeedsCustomerIntoARootRowAndChildRowsCarryingItsHashId() throws Exception {
        ObjectNode contact = JSON.objectNode();
        contact.set("email", JsonSchemas.of(ValueType.STRING));
        contact.set("phone", JsonSchemas.of(ValueType.STRING));
        ObjectNode address = JSON.objectNode();
        address.set("type", JsonSchemas.of(ValueType.STRING));
        address.set("city", JsonSchemas.of(ValueType.STRING));
        RowSchema schema = RowSchema.of(new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("name", ValueType.STRING)
                .property("contact", JsonSchemas.object(contact))
                .property("addresses", JsonSchemas.arrayOf(JsonSchemas.object(address)))
                .build());
        NormalizedLayout layout = NormalizedLayout.of("customers", schema, new TableNames(63));
        List<String> tables = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        RowSplitter splitter = new RowSplitter(layout, (table, values) -> {
            tables.add(table.name());
            rows.add(Arrays.asList(values.clone()));
        });
        Instant t = Instant.parse("2025-10-16T10:00:00Z");
        Object[] row = {1L, "Acme Corp", Map.of("email", "info@acme.com", "phone", "+1234567890"),
            List.of(Map.of("type", "billing", "city", "New York"), Map.of("type", "shipping", "city", "Boston"))};

        splitter.write(row, "uuid-123", t, t);
        splitter.write(row, "uuid-124", t, t);

        TablePlan root = layout.root();
        assertThat(root.allColumns()).extracting(NormalizedLayout.Column::name).containsExactly("id", "name",
                "contact_email", "contact_phone", "_airbyte_ab_id", "_airbyte_emitted_at", "_airbyte_normalized_at",
                "_airbyte_customers_hashid");
        assertThat(root.withDescendants().get(1).allColumns()).extracting(NormalizedLayout.Column::name)
                .containsExactly("_airbyte_customers_hashid", "type", "city", "_airbyte_ab_id", "_airbyte_emitted_at",
                        "_airbyte_normalized_at", "_airbyte_customers_addresses_hashid");
        assertThat(tables).containsExactly("customers", "customers_addresses", "customers_addresses",
                "customers", "customers_addresses", "customers_addresses");
        Object hashId = rows.get(0).get(7);
        assertThat(rows.get(0).subList(0, 5)).containsExactly(1L, "Acme Corp", "info@acme.com", "+1234567890",
                "uuid-123");
        assertThat(hashId).asString().matches("[0-9a-f]{32}");
        assertThat(rows.get(1).subList(0, 3)).containsExactly(hashId, "billing", "New York");
        assertThat(rows.get(2).subList(0, 3)).containsExactly(hashId, "shipping", "Boston");
        assertThat(rows.get(1).get(6)).isNotEqualTo(rows.get(2).get(6));
        assertThat(rows.get(3).get(7)).as("same values, same hash id").isEqualTo(hashId);
    }
}
