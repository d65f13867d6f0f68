package io.sluice.cdk.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.normalization.NormalizedLayout.Column;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizedLayoutTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void flattensObjectsAndSplitsArraysOfObjectsIntoChildTablesRecursively() {
        ObjectNode option = JSON.objectNode().set("label", JsonSchemas.of(ValueType.STRING));
        ObjectNode item = JSON.objectNode();
        item.set("sku", JsonSchemas.of(ValueType.STRING));
        item.set("options", JsonSchemas.arrayOf(JsonSchemas.object(option)));
        ObjectNode shipping = JSON.objectNode();
        shipping.set("City Name", JsonSchemas.of(ValueType.STRING));
        shipping.set("parcels", JsonSchemas.arrayOf(JsonSchemas.object(
                JSON.objectNode().set("weight", JsonSchemas.of(ValueType.NUMBER)))));
        ObjectNode schema = new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("shipping", JsonSchemas.object(shipping))
                .property("line_items", JsonSchemas.arrayOf(JsonSchemas.object(item)))
                .property("tags", JsonSchemas.arrayOf(JsonSchemas.of(ValueType.STRING)))
                .property("extra", ValueType.JSON)
                .property("_airbyte_ab_id", ValueType.STRING)
                .build();

        TablePlan root = NormalizedLayout.of("orders", RowSchema.of(schema), new TableNames(TableNames.POSTGRES_MAX_BYTES)).root();

        assertThat(root.allColumns()).extracting(Column::name).containsExactly("id", "shipping_city_name",
                "tags", "extra", "_airbyte_ab_id_1", "_airbyte_ab_id", "_airbyte_emitted_at",
                "_airbyte_normalized_at", "_airbyte_orders_hashid");
        assertThat(root.allColumns()).extracting(Column::type).startsWith(ValueType.INTEGER, ValueType.STRING,
                ValueType.ARRAY, ValueType.JSON);
        assertThat(root.withDescendants()).extracting(TablePlan::name).containsExactly(
                "orders", "orders_shipping_parcels", "orders_line_items", "orders_line_items_options");
        TablePlan options = root.withDescendants().get(3);
        assertThat(options.allColumns()).extracting(Column::name).containsExactly(
                "_airbyte_orders_line_items_hashid", "label", "_airbyte_ab_id", "_airbyte_emitted_at",
                "_airbyte_normalized_at", "_airbyte_orders_line_items_options_hashid");
        assertThat(root.columnFor(List.of("shipping", "City Name"), RowSchema.of(schema)))
                .contains("shipping_city_name");
    }
}
