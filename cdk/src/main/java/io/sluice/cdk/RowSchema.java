package io.sluice.cdk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The columns of a stream's rows: one per property of its JSON schema, in property order. Sources
 * build rows in this order; destinations read them in this order. Types follow Airbyte's
 * conventions ({@code type}, {@code format}, {@code airbyte_type}), see {@link ValueType}.
 */
public record RowSchema(List<Column> columns, Map<String, Integer> positions) {

    public RowSchema {
        columns = List.copyOf(columns);
        positions = Map.copyOf(positions);
    }

    /** One column: the property name, its value type and its own JSON schema (for nested types). */
    public record Column(String name, ValueType type, JsonNode schema) {
        public Column {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            requireNonNull(schema, "schema");
        }
    }

    /** The row layout of a stream's JSON schema ({@code {"type":"object","properties":{...}}}). */
    public static RowSchema of(JsonNode jsonSchema) {
        List<Column> columns = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        JsonNode properties = jsonSchema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            positions.put(property.getKey(), columns.size());
            columns.add(new Column(property.getKey(), typeOf(property.getValue()), property.getValue()));
        }
        return new RowSchema(columns, positions);
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The position of a column, if the schema has it. */
    public OptionalInt indexOf(String name) {
        Integer position = positions.get(name);
        return position == null ? OptionalInt.empty() : OptionalInt.of(position);
    }

    /** The value type a property schema describes; unions of several types are JSON. */
    public static ValueType typeOf(JsonNode schema) {
        String type = singleType(schema.path("type"));
        if (type == null) {
            return schema.has("properties") ? ValueType.OBJECT : ValueType.JSON;
        }
        String airbyteType = schema.path("airbyte_type").asText("");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "integer" -> ValueType.INTEGER;
            case "number" -> airbyteType.equals("integer") ? ValueType.INTEGER : ValueType.NUMBER;
            case "boolean" -> ValueType.BOOLEAN;
            case "object" -> ValueType.OBJECT;
            case "array" -> ValueType.ARRAY;
            case "string" -> stringType(format, airbyteType);
            default -> ValueType.JSON;
        };
    }

    private static ValueType stringType(String format, String airbyteType) {
        return switch (format) {
            case "date" -> ValueType.DATE;
            case "time" -> airbyteType.equals("time_with_timezone") ? ValueType.TIME_TZ : ValueType.TIME;
            case "date-time" -> airbyteType.equals("timestamp_without_timezone")
                    ? ValueType.TIMESTAMP
                    : ValueType.TIMESTAMP_TZ;
            default -> ValueType.STRING;
        };
    }

    /** {@code "string"} or {@code ["null","string"]} give "string"; a real union gives null. */
    private static String singleType(JsonNode type) {
        if (type.isTextual()) {
            return type.asText();
        }
        String single = null;
        for (JsonNode t : type) {
            if (t.asText().equals("null")) {
                continue;
            }
            if (single != null) {
                return null;
            }
            single = t.asText();
        }
        return single;
    }

    /** Builds stream JSON schemas in code, keeping property order; used by connectors and tests. */
    public static final class JsonSchemaBuilder {
        private final ObjectNode schema = JsonNodeFactory.instance.objectNode();
        private final ObjectNode properties;

        public JsonSchemaBuilder() {
            schema.put("type", "object");
            properties = schema.putObject("properties");
        }

        public JsonSchemaBuilder property(String name, ObjectNode propertySchema) {
            properties.set(name, propertySchema);
            return this;
        }

        public JsonSchemaBuilder property(String name, ValueType type) {
            return property(name, JsonSchemas.of(type));
        }

        public ObjectNode build() {
            return schema.deepCopy();
        }
    }
}
