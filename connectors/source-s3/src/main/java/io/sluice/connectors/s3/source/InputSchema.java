package io.sluice.connectors.s3.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a stream's {@code input_schema}: a JSON object of column types as Airbyte takes it
 * ({@code {"id": "integer", "name": "string"}}), or a whole JSON schema with {@code properties}.
 */
final class InputSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ValueType> TYPES = Map.of(
            "string", ValueType.STRING, "integer", ValueType.INTEGER, "number", ValueType.NUMBER,
            "boolean", ValueType.BOOLEAN, "object", ValueType.OBJECT, "array", ValueType.ARRAY,
            "date", ValueType.DATE, "date-time", ValueType.TIMESTAMP_TZ, "null", ValueType.JSON);

    private InputSchema() {}

    static Optional<ObjectNode> parse(String text, String field, List<ConfigError> problems) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new ConfigError(field, "is not valid JSON (" + e.getOriginalMessage() + ")"));
            return Optional.empty();
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.add(new ConfigError(field, "must be a JSON object of column types such as {\"id\": \"integer\"}"));
            return Optional.empty();
        }
        if (node.path("properties").isObject()) {
            ObjectNode schema = new RowSchema.JsonSchemaBuilder().build();
            schema.set("properties", node.get("properties").deepCopy());
            return Optional.of(schema);
        }
        RowSchema.JsonSchemaBuilder builder = new RowSchema.JsonSchemaBuilder();
        for (Map.Entry<String, JsonNode> column : node.properties()) {
            ValueType type = TYPES.get(column.getValue().asText());
            if (type == null) {
                problems.add(new ConfigError(field, "column \"" + column.getKey() + "\" has unknown type "
                        + column.getValue() + "; use one of " + String.join(", ", TYPES.keySet().stream().sorted().toList())));
                return Optional.empty();
            }
            builder.property(column.getKey(), JsonSchemas.of(type));
        }
        return Optional.of(builder.build());
    }
}
