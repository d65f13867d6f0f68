package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.MessageCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * The GLOBAL state's shared part for PostgreSQL CDC: Debezium's source partition and offset
 * ({@code {"partition": {...}, "offset": {"lsn": ..., ...}}}), and the conversion to the bytes
 * Debezium's offset store holds.
 */
final class CdcOffsets {
    static final String ENGINE_NAME = "sluice-postgres-cdc";
    static final String TOPIC_PREFIX = "sluice";

    private CdcOffsets() {}

    static ObjectNode shared(Map<String, ?> partition, Map<String, ?> offset) {
        ObjectNode shared = MessageCodec.mapper().createObjectNode();
        shared.set("partition", MessageCodec.mapper().valueToTree(partition));
        shared.set("offset", MessageCodec.mapper().valueToTree(offset));
        return shared;
    }

    /** The offset's LSN, when the state has one. */
    static OptionalLong lsn(JsonNode shared) {
        JsonNode lsn = shared.path("offset").path("lsn");
        return lsn.canConvertToLong() ? OptionalLong.of(lsn.asLong()) : OptionalLong.empty();
    }

    /**
     * The state's Debezium offset as Debezium made it: integral numbers as {@code Long} (Debezium
     * casts its LSNs to Long; JSON gives small ones back as Integer).
     */
    static Map<String, Object> offset(JsonNode shared) {
        Map<String, Object> offset = new LinkedHashMap<>();
        shared.path("offset").properties().forEach(e -> {
            JsonNode v = e.getValue();
            offset.put(e.getKey(), v.isIntegralNumber() ? (Object) v.asLong()
                    : v.isBoolean() ? (Object) v.asBoolean()
                    : v.isNull() ? null
                    : v.isNumber() ? (Object) v.asDouble()
                    : v.asText());
        });
        return offset;
    }

    /** The offset store entry for this state, keyed as Kafka Connect's offset writer keys it. */
    static Map<ByteBuffer, ByteBuffer> entries(JsonNode shared) {
        Map<?, ?> partition = MessageCodec.mapper().convertValue(shared.path("partition"), Map.class);
        Map<?, ?> offset = MessageCodec.mapper().convertValue(shared.path("offset"), Map.class);
        try (JsonConverter keys = converter(true); JsonConverter values = converter(false)) {
            byte[] key = keys.fromConnectData(ENGINE_NAME, null, Arrays.asList(ENGINE_NAME, partition));
            byte[] value = values.fromConnectData(ENGINE_NAME, null, offset);
            return Map.of(ByteBuffer.wrap(key), ByteBuffer.wrap(value));
        }
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), isKey);
        return converter;
    }
}
