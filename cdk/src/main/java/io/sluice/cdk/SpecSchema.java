package io.sluice.cdk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pieces every connector's config schema is built from: a draft-07 object schema and its
 * fields with Airbyte's {@code title}, {@code description} and {@code order} keywords (a UI lays out
 * its form from them), and the {@code oneOf} options told apart by a constant field.
 */
public final class SpecSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SpecSchema() {}

    /** A config schema: an object with these required fields; fields it does not know are allowed. */
    public static ObjectNode object(String title, String... required) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", title);
        schema.put("type", "object");
        ArrayNode names = schema.putArray("required");
        for (String name : required) {
            names.add(name);
        }
        schema.put("additionalProperties", true);
        schema.putObject("properties");
        return schema;
    }

    /** The {@code properties} of a schema made by {@link #object}. */
    public static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    /** Adds field {@code name} of JSON type {@code type} to {@code properties}; returns it for more keywords. */
    public static ObjectNode field(ObjectNode properties, String name, String type, String title, int order,
            String description) {
        ObjectNode field = properties.putObject(name);
        field.put("type", type);
        field.put("title", title);
        field.put("description", description);
        field.put("order", order);
        return field;
    }

    /**
     * Adds one option of a {@code oneOf}: an object whose field {@code key} is the constant
     * {@code value}. Returns the option, whose {@code properties} take its other fields.
     */
    public static ObjectNode option(ArrayNode options, String key, String value, String title, String description) {
        ObjectNode option = options.addObject();
        option.put("title", title);
        option.put("description", description);
        option.put("type", "object");
        option.putArray("required").add(key);
        option.put("additionalProperties", true);
        ObjectNode constant = option.putObject("properties").putObject(key);
        constant.put("type", "string").put("const", value).put("order", 0);
        constant.putArray("enum").add(value);
        return option;
    }
}
