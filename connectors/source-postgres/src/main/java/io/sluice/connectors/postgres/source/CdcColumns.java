package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import java.util.List;

/** The columns CDC adds to every stream, with Airbyte's names. */
final class CdcColumns {
    static final String LSN = "_ab_cdc_lsn";
    static final String UPDATED_AT = "_ab_cdc_updated_at";
    static final String DELETED_AT = "_ab_cdc_deleted_at";
    static final List<String> ALL = List.of(LSN, UPDATED_AT, DELETED_AT);

    private CdcColumns() {}

    static boolean isCdcColumn(String name) {
        return ALL.contains(name);
    }

    /** Appends the CDC columns to a stream schema being built. */
    static void addTo(RowSchema.JsonSchemaBuilder schema) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode lsn = json.objectNode().put("type", "integer");
        schema.property(LSN, lsn);
        schema.property(UPDATED_AT, json.objectNode().put("type", "string").put("format", "date-time")
                .put("airbyte_type", "timestamp_with_timezone"));
        schema.property(DELETED_AT, json.objectNode().put("type", "string").put("format", "date-time")
                .put("airbyte_type", "timestamp_with_timezone"));
    }
}
