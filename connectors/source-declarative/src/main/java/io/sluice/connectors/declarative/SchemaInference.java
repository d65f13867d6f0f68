package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Infers a stream's JSON schema from sample records when the manifest gives none: properties in
 * the order they are first seen, each nullable; integers and decimals together make a number;
 * other mixes of types, and fields only ever null, are strings; objects nest, arrays take the
 * type of their elements.
 */
final class SchemaInference {
    /** How many records discover reads per stream to infer its schema. */
    static final int SAMPLE_RECORDS = 100;
    /** How many slices discover visits at most looking for those records. */
    static final int SAMPLE_SLICES = 50;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Shape root = new Shape();

    void add(ObjectNode record) {
        root.add(record);
    }

    ObjectNode schema() {
        ObjectNode schema = root.toSchema();
        schema.put("type", "object");
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("additionalProperties", true);
        return schema;
    }

    /** What has been seen at one place of the records. */
    private static final class Shape {
        private String type;
        private final Map<String, Shape> properties = new LinkedHashMap<>();
        private Shape items;

        void add(JsonNode value) {
            if (value == null || value.isNull() || value.isMissingNode()) {
                return;
            }
            String seen = switch (value.getNodeType()) {
                case OBJECT -> "object";
                case ARRAY -> "array";
                case BOOLEAN -> "boolean";
                case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
                default -> "string";
            };
            type = merge(type, seen);
            if (value.isObject()) {
                value.properties().forEach(e -> properties.computeIfAbsent(e.getKey(), k -> new Shape()).add(e.getValue()));
            } else if (value.isArray()) {
                if (items == null) {
                    items = new Shape();
                }
                value.forEach(items::add);
            }
        }

        private static String merge(String known, String seen) {
            if (known == null || known.equals(seen)) {
                return seen;
            }
            if (known.equals("integer") && seen.equals("number") || known.equals("number") && seen.equals("integer")) {
                return "number";
            }
            return "string";
        }

        ObjectNode toSchema() {
            String effective = type == null ? "string" : type;
            ObjectNode schema = NODES.objectNode();
            schema.putArray("type").add("null").add(effective);
            if (effective.equals("object")) {
                ObjectNode props = schema.putObject("properties");
                properties.forEach((name, shape) -> props.set(name, shape.toSchema()));
            } else if (effective.equals("array")) {
                schema.set("items", items == null || items.type == null ? NODES.objectNode() : items.toSchema());
            }
            return schema;
        }
    }
}
