package io.sluice.cdk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Property schemas for each {@link ValueType}, nullable, in Airbyte's notation. */
public final class JsonSchemas {
    private JsonSchemas() {}

    public static ObjectNode of(ValueType type) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case STRING -> nullable(s, "string");
            case INTEGER -> nullable(s, "integer");
            case NUMBER -> nullable(s, "number");
            case BOOLEAN -> nullable(s, "boolean");
            case DATE -> nullable(s, "string").put("format", "date");
            case TIME -> nullable(s, "string").put("format", "time").put("airbyte_type", "time_without_timezone");
            case TIME_TZ -> nullable(s, "string").put("format", "time").put("airbyte_type", "time_with_timezone");
            case TIMESTAMP -> nullable(s, "string").put("format", "date-time")
                    .put("airbyte_type", "timestamp_without_timezone");
            case TIMESTAMP_TZ -> nullable(s, "string").put("format", "date-time")
                    .put("airbyte_type", "timestamp_with_timezone");
            case OBJECT -> nullable(s, "object").putObject("properties");
            case ARRAY -> nullable(s, "array");
            case JSON -> { }
        }
        return s;
    }

    /** An object property with the given nested properties. */
    public static ObjectNode object(ObjectNode properties) {
        ObjectNode s = nullable(JsonNodeFactory.instance.objectNode(), "object");
        s.set("properties", properties);
        return s;
    }

    /** An array property whose items follow {@code items}. */
    public static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode s = nullable(JsonNodeFactory.instance.objectNode(), "array");
        s.set("items", items);
        return s;
    }

    private static ObjectNode nullable(ObjectNode s, String type) {
        s.putArray("type").add("null").add(type);
        return s;
    }
}
