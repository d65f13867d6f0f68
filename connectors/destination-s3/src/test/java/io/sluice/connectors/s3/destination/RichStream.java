package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stream with a column of every type, and rows with edge values: NULLs, unicode, quotes, negatives. */
final class RichStream {
    static final String NAME = "rich";
    static final String NAMESPACE = "shop";

    static final Object[] ROW_1 = {1L, "Zoë, \"quoted\"\nline 日本", 12.5, new BigDecimal("1234.56"),
            new BigDecimal("12345678901234567890.1234"), true, LocalDate.of(2024, 2, 29),
            Instant.parse("2024-03-01T12:34:56.123456Z"), LocalDateTime.parse("2024-03-01T01:02:03.5"),
            LocalTime.parse("13:14:15"), map("city", "Zürich", "zip", 8001L), List.of("a", "b"), 42L};
    static final Object[] ROW_2 = {2L, null, null, null, null, null, null, null, null, null, null, null, null};
    static final Object[] ROW_3 = {3L, "", -0.25, new BigDecimal("-0.01"), new BigDecimal("-1.5"), false,
            LocalDate.of(1969, 12, 31), Instant.parse("1969-12-31T23:59:59Z"), LocalDateTime.parse("1999-12-31T23:59:59"),
            LocalTime.MIDNIGHT, map(), List.of(), "text"};

    private RichStream() {}

    static ObjectNode schema() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("name", ValueType.STRING)
                .property("price", ValueType.NUMBER)
                .property("amount", JsonSchemas.of(ValueType.NUMBER).put("precision", 12).put("scale", 2))
                .property("big", JsonSchemas.of(ValueType.NUMBER).put("precision", 30).put("scale", 4))
                .property("active", ValueType.BOOLEAN)
                .property("born", ValueType.DATE)
                .property("updated_at", ValueType.TIMESTAMP_TZ)
                .property("local_ts", ValueType.TIMESTAMP)
                .property("alarm", ValueType.TIME)
                .property("meta", json.objectNode().put("type", "object"))
                .property("tags", json.objectNode().put("type", "array"))
                .property("anything", json.objectNode())
                .build();
    }

    static ConfiguredCatalog catalog(DestinationSyncMode mode) {
        AirbyteStream stream = AirbyteStream.of(NAMESPACE, NAME, schema(), List.of(), List.of(List.of("id")));
        return new ConfiguredCatalog(List.of(ConfiguredStream.of(stream,
                mode == DestinationSyncMode.OVERWRITE ? SyncMode.FULL_REFRESH : SyncMode.INCREMENTAL, List.of(), mode,
                List.of(List.of("id")))));
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
