package io.sluice.cdk;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Finds the secret fields of a config through its spec ({@code "airbyte_secret": true}). */
public final class Secrets {
    private static final TextNode MASKED = TextNode.valueOf(Secret.MASK);
    private static final List<String> COMBINATORS = List.of("oneOf", "anyOf", "allOf");

    private Secrets() {}

    /**
     * A copy of {@code config} in which every value at a property the spec marks
     * {@code "airbyte_secret": true} is {@value Secret#MASK}, including inside nested objects,
     * arrays and {@code oneOf}/{@code anyOf}/{@code allOf} options. Null and absent values stay
     * as they are. The config itself is not changed.
     */
    public static JsonNode mask(ObjectNode specSchema, JsonNode config) {
        return replace(specSchema, config, (pointer, value) -> MASKED);
    }

    /**
     * A copy of {@code config} in which every non-null value at a property the spec marks
     * {@code "airbyte_secret": true} is replaced by what {@code replacement} returns for it and
     * its JSON pointer in the config (e.g. {@code /tunnel_method/tunnel_user_password}); the same
     * places {@link #mask} masks. The config itself is not changed.
     */
    public static JsonNode replace(ObjectNode specSchema, JsonNode config,
            BiFunction<JsonPointer, JsonNode, JsonNode> replacement) {
        return masked(specSchema, config.deepCopy(), JsonPointer.empty(), replacement);
    }

    /** Whether the property schema marks a secret. */
    public static boolean isSecret(JsonNode propertySchema) {
        return propertySchema != null && propertySchema.path("airbyte_secret").asBoolean(false);
    }

    private static JsonNode masked(JsonNode schema, JsonNode node, JsonPointer at,
            BiFunction<JsonPointer, JsonNode, JsonNode> replacement) {
        if (node == null || node.isNull() || schema == null || !schema.isObject()) {
            return node;
        }
        if (isSecret(schema)) {
            return replacement.apply(at, node);
        }
        for (String combinator : COMBINATORS) {
            for (JsonNode option : schema.path(combinator)) {
                node = masked(option, node, at, replacement);
            }
        }
        if (node.isObject()) {
            maskProperties(schema, (ObjectNode) node, at, replacement);
        } else if (node.isArray() && schema.path("items").isObject()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, masked(schema.get("items"), array.get(i), at.appendIndex(i), replacement));
            }
        }
        return node;
    }

    private static void maskProperties(JsonNode schema, ObjectNode object, JsonPointer at,
            BiFunction<JsonPointer, JsonNode, JsonNode> replacement) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode propertySchema = properties.has(name) ? properties.get(name) : additional;
            JsonNode value = object.get(name);
            JsonNode result = masked(propertySchema, value, at.appendProperty(name), replacement);
            if (result != value) {
                object.set(name, result);
            }
        }
    }

    /** The dotted paths of the secret properties a spec declares at the top level and in nested objects. */
    public static List<String> secretPaths(ObjectNode specSchema) {
        List<String> paths = new ArrayList<>();
        collect(specSchema, "", paths);
        return List.copyOf(paths);
    }

    private static void collect(JsonNode schema, String prefix, List<String> paths) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            if (isSecret(property.getValue())) {
                if (!paths.contains(path)) {
                    paths.add(path);
                }
            } else {
                collect(property.getValue(), path, paths);
            }
        }
        for (String combinator : COMBINATORS) {
            for (JsonNode option : schema.path(combinator)) {
                collect(option, prefix, paths);
            }
        }
    }
}
