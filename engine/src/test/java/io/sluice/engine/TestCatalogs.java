package io.sluice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import java.util.List;

/** Catalogs and states the engine tests share: {@code public.users(id, name)} and {@code public.orders(id, amount)}. */
final class TestCatalogs {
    static final StreamDescriptor USERS = StreamDescriptor.of("public", "users");
    static final StreamDescriptor ORDERS = StreamDescriptor.of("public", "orders");

    private TestCatalogs() {}

    static ConfiguredCatalog usersAndOrders() {
        return new ConfiguredCatalog(List.of(users(), orders()));
    }

    static ConfiguredCatalog usersOnly() {
        return new ConfiguredCatalog(List.of(users()));
    }

    static ConfiguredStream users() {
        ObjectNode schema = new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("name", ValueType.STRING)
                .build();
        return configured(AirbyteStream.of("public", "users", schema, List.of("id"), List.of(List.of("id"))));
    }

    static ConfiguredStream orders() {
        ObjectNode schema = new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("amount", ValueType.NUMBER)
                .build();
        return configured(AirbyteStream.of("public", "orders", schema, List.of("id"), List.of(List.of("id"))));
    }

    static ConfiguredStream configured(AirbyteStream stream) {
        return ConfiguredStream.of(stream, SyncMode.INCREMENTAL, List.of("id"), DestinationSyncMode.APPEND,
                List.of(List.of("id")));
    }

    /** A stream state {@code {"cursor": value}}, with the node types JSON parsing gives (so it equals a re-read copy). */
    static StateMessage cursor(StreamDescriptor stream, long value) {
        try {
            return StateMessage.ofStream(stream, MessageCodec.mapper().readTree("{\"cursor\":" + value + "}"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode emptyConfig() {
        return JsonNodeFactory.instance.objectNode();
    }
}
