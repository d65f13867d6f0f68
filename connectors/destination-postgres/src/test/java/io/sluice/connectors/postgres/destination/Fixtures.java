package io.sluice.connectors.postgres.destination;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seed's customers stream (nested contact, addresses array) and catalog helpers. */
final class Fixtures {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Fixtures() {}

    static ObjectNode customersSchema() {
        ObjectNode contact = JSON.objectNode();
        contact.set("email", JsonSchemas.of(ValueType.STRING));
        contact.set("phone", JsonSchemas.of(ValueType.STRING));
        ObjectNode address = JSON.objectNode();
        address.set("type", JsonSchemas.of(ValueType.STRING));
        address.set("city", JsonSchemas.of(ValueType.STRING));
        return new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("name", ValueType.STRING)
                .property("contact", JsonSchemas.object(contact))
                .property("addresses", JsonSchemas.arrayOf(JsonSchemas.object(address)))
                .property("updated_at", ValueType.TIMESTAMP_TZ)
                .build();
    }

    /** A customer with the given addresses as (type, city) pairs; updated {@code minute} minutes after 10:00. */
    static Object[] customer(long id, String name, String email, int minute, String... typeCity) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", email);
        contact.put("phone", "+1234567890");
        List<Object> addresses = new ArrayList<>();
        for (int i = 0; i + 1 < typeCity.length; i += 2) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("type", typeCity[i]);
            address.put("city", typeCity[i + 1]);
            addresses.add(address);
        }
        return new Object[] {id, name, contact, addresses, Instant.parse("2025-10-16T10:00:00Z").plusSeconds(60L * minute)};
    }

    static ConfiguredCatalog catalog(String namespace, String name, ObjectNode schema, DestinationSyncMode mode) {
        AirbyteStream stream = AirbyteStream.of(namespace, name, schema, List.of("updated_at"), List.of(List.of("id")));
        SyncMode syncMode = mode == DestinationSyncMode.OVERWRITE ? SyncMode.FULL_REFRESH : SyncMode.INCREMENTAL;
        List<String> cursor = schema.path("properties").has("updated_at") ? List.of("updated_at") : List.of();
        return new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, syncMode, cursor, mode, List.of(List.of("id")))));
    }

    static Chunk rows(Object[]... rows) {
        return new Chunk.RowBatch(0, new ArrayList<>(List.of(rows)));
    }

    static Chunk checkpoint(String stream, int position) {
        return new Chunk.Checkpoint(StateMessage.ofStream(StreamDescriptor.of(null, stream),
                JSON.objectNode().put("position", position)));
    }
}
