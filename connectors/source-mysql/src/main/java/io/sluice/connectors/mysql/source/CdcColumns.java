package io.sluice.connectors.mysql.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import java.time.Instant;
import java.util.List;

/**
 * The columns CDC adds to every stream, with Airbyte's names. {@code _ab_cdc_cursor} orders the
 * changes of a row (it grows with the binlog position), so deduplication keeps the latest.
 */
final class CdcColumns {
    static final String LOG_FILE = "_ab_cdc_log_file";
    static final String LOG_POS = "_ab_cdc_log_pos";
    static final String UPDATED_AT = "_ab_cdc_updated_at";
    static final String DELETED_AT = "_ab_cdc_deleted_at";
    static final String CURSOR = "_ab_cdc_cursor";
    static final List<String> ALL = List.of(LOG_FILE, LOG_POS, UPDATED_AT, DELETED_AT, CURSOR);

    private CdcColumns() {}

    static boolean isCdcColumn(String name) {
        return ALL.contains(name);
    }

    /** Appends the CDC columns to a stream schema being built. */
    static void addTo(RowSchema.JsonSchemaBuilder schema) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        schema.property(LOG_FILE, json.objectNode().put("type", "string"));
        schema.property(LOG_POS, json.objectNode().put("type", "integer"));
        schema.property(UPDATED_AT, timestamp());
        schema.property(DELETED_AT, timestamp());
        schema.property(CURSOR, json.objectNode().put("type", "integer"));
    }

    private static ObjectNode timestamp() {
        return JsonNodeFactory.instance.objectNode().put("type", "string").put("format", "date-time")
                .put("airbyte_type", "timestamp_with_timezone");
    }

    /** The value of CDC column {@code name} for a change at {@code position}, made at {@code at}. */
    static Object value(String name, BinlogPosition position, Instant at, boolean deleted) {
        return switch (name) {
            case LOG_FILE -> position.file();
            case LOG_POS -> position.pos();
            case UPDATED_AT -> at;
            case DELETED_AT -> deleted ? at : null;
            case CURSOR -> position.cursor();
            default -> throw new IllegalArgumentException("not a CDC column: " + name);
        };
    }
}
