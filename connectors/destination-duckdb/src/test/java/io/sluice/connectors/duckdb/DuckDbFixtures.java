package io.sluice.connectors.duckdb;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The purchases stream used across the tests, configs, and a JDBC read-back helper. */
final class DuckDbFixtures {
    private DuckDbFixtures() {}

    static ObjectNode purchasesSchema() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode geo = json.objectNode().set("lat", JsonSchemas.of(ValueType.NUMBER));
        ObjectNode address = json.objectNode();
        address.set("city", JsonSchemas.of(ValueType.STRING));
        address.set("zip", JsonSchemas.of(ValueType.STRING));
        address.set("geo", JsonSchemas.object(geo));
        ObjectNode item = json.objectNode();
        item.set("sku", JsonSchemas.of(ValueType.STRING));
        item.set("qty", JsonSchemas.of(ValueType.INTEGER));
        return new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("name", ValueType.STRING)
                .property("amount", ValueType.NUMBER)
                .property("active", ValueType.BOOLEAN)
                .property("created", ValueType.DATE)
                .property("updated_at", ValueType.TIMESTAMP_TZ)
                .property("address", JsonSchemas.object(address))
                .property("line_items", JsonSchemas.arrayOf(JsonSchemas.object(item)))
                .property("tags", JsonSchemas.arrayOf(JsonSchemas.of(ValueType.STRING)))
                .build();
    }

    /** A purchases row; {@code updatedSecond} is the cursor (updated_at) in epoch seconds. */
    static Object[] purchase(long id, String name, long updatedSecond, String city, Map<String, Object>... items) {
        Map<String, Object> geo = new LinkedHashMap<>();
        geo.put("lat", 52.5);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", city);
        address.put("zip", "10115");
        address.put("geo", geo);
        return new Object[] {id, name, 9.5 * id, id % 2 == 1, LocalDate.of(2024, 1, (int) id % 28 + 1),
            Instant.ofEpochSecond(updatedSecond), address, List.of(items), List.of("new", "gift")};
    }

    /** The {@code position} of each acknowledged state, in order. */
    static List<Long> positions(io.sluice.cdk.testkit.RecordingAcknowledger acks) {
        return acks.states().stream()
                .map(s -> s.stream().orElseThrow().streamState().orElseThrow().path("position").asLong())
                .toList();
    }

    /** A batch of rows. */
    static List<Object[]> batch(Object[]... rows) {
        return List.of(rows);
    }

    static Map<String, Object> item(String sku, long qty) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("qty", qty);
        return item;
    }

    static ConfiguredCatalog catalog(String namespace, String name, ObjectNode schema, DestinationSyncMode mode) {
        AirbyteStream stream = AirbyteStream.of(namespace, name, schema, List.of("updated_at"),
                List.of(List.of("id")));
        SyncMode sync = mode == DestinationSyncMode.OVERWRITE ? SyncMode.FULL_REFRESH : SyncMode.INCREMENTAL;
        return new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, sync, List.of("updated_at"), mode,
                List.of(List.of("id")))));
    }

    static ConfiguredCatalog purchases(DestinationSyncMode mode) {
        return catalog(null, "purchases", purchasesSchema(), mode);
    }

    static ObjectNode config(Path file) {
        return JsonNodeFactory.instance.objectNode().put("destination_path", file.toString());
    }

    /** Every row of a query, each as a list of column values. */
    static List<List<Object>> query(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static long count(Path file, String table) throws SQLException {
        return ((Number) query(file, "SELECT count(*) FROM " + table).get(0).get(0)).longValue();
    }
}
