package io.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * Turns messages into single JSON lines ({@code {"type":"RECORD","record":{...}}}) and back.
 * Thread-safe; one shared instance is enough.
 */
public final class MessageCodec {
    private static final ObjectMapper MAPPER = newMapper();

    /** The mapper used for protocol JSON: Optional-aware, absent values omitted. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper newMapper() {
        return new ObjectMapper(JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build())
                .registerModule(new Jdk8Module())
                .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    }

    /** One message as one JSON line, without the line break. */
    public String encode(Message message) {
        ObjectNode envelope = MAPPER.createObjectNode();
        String field = switch (message) {
            case RecordMessage r -> put(envelope, "RECORD", "record", r);
            case StateMessage s -> put(envelope, "STATE", "state", s);
            case LogMessage l -> put(envelope, "LOG", "log", l);
            case TraceMessage t -> put(envelope, "TRACE", "trace", t);
            case SpecMessage s -> put(envelope, "SPEC", "spec", s.spec());
            case CatalogMessage c -> put(envelope, "CATALOG", "catalog", c.catalog());
            case ConnectionStatusMessage c -> put(envelope, "CONNECTION_STATUS", "connectionStatus", c.connectionStatus());
            case ControlMessage c -> put(envelope, "CONTROL", "control", c);
        };
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("cannot write " + field + " message: " + e.getOriginalMessage(), e);
        }
    }

    private static String put(ObjectNode envelope, String type, String field, Object payload) {
        envelope.put("type", type);
        envelope.set(field, MAPPER.valueToTree(payload));
        return field;
    }

    /**
     * Reads one message from a parsed JSON object.
     *
     * @throws ProtocolException when the object is not a valid message (no type, unknown type,
     *     missing payload or required field)
     */
    public Message decode(JsonNode envelope) {
        if (!envelope.isObject()) {
            throw new ProtocolException("expected a JSON object, got " + envelope.getNodeType());
        }
        JsonNode type = envelope.get("type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolException("message has no 'type'");
        }
        return switch (type.asText()) {
            case "RECORD" -> payload(envelope, "record", RecordMessage.class);
            case "STATE" -> payload(envelope, "state", StateMessage.class);
            case "LOG" -> payload(envelope, "log", LogMessage.class);
            case "TRACE" -> payload(envelope, "trace", TraceMessage.class);
            case "SPEC" -> new SpecMessage(payload(envelope, "spec", ConnectorSpecification.class));
            case "CATALOG" -> new CatalogMessage(payload(envelope, "catalog", Catalog.class));
            case "CONNECTION_STATUS" -> new ConnectionStatusMessage(
                    payload(envelope, "connectionStatus", ConnectionStatus.class));
            case "CONTROL" -> payload(envelope, "control", ControlMessage.class);
            default -> throw new ProtocolException("unknown message type '" + type.asText() + "'");
        };
    }

    /** Parses and reads one line. */
    public Message decode(String line) {
        try {
            return decode(MAPPER.readTree(line));
        } catch (JsonProcessingException e) {
            throw new ProtocolException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T payload(JsonNode envelope, String field, Class<T> type) {
        JsonNode node = envelope.get(field);
        if (node == null || !node.isObject()) {
            throw new ProtocolException(envelope.get("type").asText() + " message has no '" + field + "' object");
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException("invalid '" + field + "': " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
