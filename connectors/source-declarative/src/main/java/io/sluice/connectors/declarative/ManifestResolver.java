package io.sluice.connectors.declarative;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a manifest as written into the tree components are built from, as Airbyte's declarative
 * source does before it builds anything: {@code $ref} references ({@code "#/definitions/requester"},
 * or the older {@code "*ref(definitions.requester)"} string form) are replaced by what they point to,
 * sibling keys overriding the referenced ones; components without a {@code type} get the default
 * type of the field they sit in ({@code retriever} of a stream is a {@code SimpleRetriever}); and
 * {@code $parameters} flow from each component to the components inside it, a child's own
 * parameters winning, each parameter also filling the same-named field of a component that does not
 * set it. JSON schemas inside the manifest are left alone.
 */
final class ManifestResolver {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PARAMETERS = "$parameters";
    private static final Set<String> JSON_SCHEMA_TYPES =
            Set.of("object", "array", "string", "integer", "number", "boolean", "null");
    private static final Map<String, String> DEFAULT_TYPES = Map.ofEntries(
            Map.entry("DeclarativeSource.streams", "DeclarativeStream"),
            Map.entry("DeclarativeSource.check", "CheckStream"),
            Map.entry("DeclarativeSource.spec", "Spec"),
            Map.entry("DeclarativeStream.retriever", "SimpleRetriever"),
            Map.entry("DeclarativeStream.schema_loader", "JsonFileSchemaLoader"),
            Map.entry("SimpleRetriever.requester", "HttpRequester"),
            Map.entry("SimpleRetriever.record_selector", "RecordSelector"),
            Map.entry("SimpleRetriever.paginator", "NoPagination"),
            Map.entry("HttpRequester.error_handler", "DefaultErrorHandler"),
            Map.entry("DefaultErrorHandler.response_filters", "HttpResponseFilter"),
            Map.entry("RecordSelector.extractor", "DpathExtractor"),
            Map.entry("RecordSelector.record_filter", "RecordFilter"),
            Map.entry("DefaultPaginator.page_size_option", "RequestOption"),
            Map.entry("DefaultPaginator.page_token_option", "RequestOption"),
            Map.entry("DatetimeBasedCursor.start_datetime", "MinMaxDatetime"),
            Map.entry("DatetimeBasedCursor.end_datetime", "MinMaxDatetime"),
            Map.entry("DatetimeBasedCursor.start_time_option", "RequestOption"),
            Map.entry("DatetimeBasedCursor.end_time_option", "RequestOption"),
            Map.entry("ListPartitionRouter.request_option", "RequestOption"),
            Map.entry("SubstreamPartitionRouter.parent_stream_configs", "ParentStreamConfig"),
            Map.entry("ParentStreamConfig.stream", "DeclarativeStream"),
            Map.entry("ParentStreamConfig.request_option", "RequestOption"),
            Map.entry("AddFields.fields", "AddedFieldDefinition"),
            Map.entry("ApiKeyAuthenticator.inject_into", "RequestOption"),
            Map.entry("OAuthAuthenticator.refresh_token_updater", "RefreshTokenUpdater"),
            Map.entry("HTTPAPIBudget.policies", "MovingWindowCallRatePolicy"));

    private ManifestResolver() {}

    /** The resolved manifest; a CONFIG error naming the path for a bad or circular reference. */
    static ObjectNode resolve(JsonNode manifest) {
        if (manifest == null || !manifest.isObject()) {
            throw ManifestNode.at("", "the manifest must be a YAML mapping (type: DeclarativeSource, streams, spec, ...)");
        }
        JsonNode referenced = new References(manifest).resolve(manifest, "", new ArrayList<>());
        ObjectNode root = (ObjectNode) referenced.deepCopy();
        if (!root.has("type")) {
            root.put("type", "DeclarativeSource");
        }
        ObjectNode result = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals("definitions")) {
                result.set(field.getKey(), field.getValue());
            } else if (field.getValue().isObject() || field.getValue().isArray()) {
                result.set(field.getKey(), propagate("DeclarativeSource." + field.getKey(), field.getValue(), Map.of()));
            } else {
                result.set(field.getKey(), field.getValue());
            }
        }
        return result;
    }

    private static JsonNode propagate(String fieldIdentifier, JsonNode value, Map<String, JsonNode> parentParameters) {
        if (value.isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (JsonNode element : value) {
                array.add(element.isObject() ? propagate(fieldIdentifier, element, parentParameters) : element);
            }
            return array;
        }
        if (!value.isObject()) {
            return value;
        }
        ObjectNode component = ((ObjectNode) value).deepCopy();
        if (!component.has("type") && DEFAULT_TYPES.containsKey(fieldIdentifier)) {
            component.put("type", DEFAULT_TYPES.get(fieldIdentifier));
        }
        if (!isComponent(component)) {
            return component;
        }
        Map<String, JsonNode> parameters = new LinkedHashMap<>(parentParameters);
        JsonNode own = component.remove(PARAMETERS);
        if (own != null && own.isObject()) {
            own.properties().forEach(e -> parameters.put(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, JsonNode> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            if (!key.equals("type") && (!component.has(key) || component.get(key).isNull())) {
                component.set(key, parameter.getValue());
            }
        }
        String type = component.get("type").asText();
        List<String> names = new ArrayList<>();
        component.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode child = component.get(name);
            if (child.isObject() || child.isArray()) {
                Map<String, JsonNode> forChild = new LinkedHashMap<>(parameters);
                if (child.isObject()) {
                    forChild.remove(name); // a parameter named like the field is not pushed into that field's component
                }
                component.set(name, propagate(type + "." + name, child, forChild));
            }
        }
        if (!parameters.isEmpty()) {
            ObjectNode params = component.putObject(PARAMETERS);
            parameters.forEach(params::set);
        }
        return component;
    }

    /** A mapping with a component type (CamelCase), not a JSON schema ({@code type: object}). */
    private static boolean isComponent(ObjectNode node) {
        JsonNode type = node.get("type");
        return type != null && type.isTextual() && !JSON_SCHEMA_TYPES.contains(type.asText())
                && !type.asText().isEmpty() && Character.isUpperCase(type.asText().charAt(0));
    }

    /** Resolves {@code $ref}s against the whole manifest, refusing cycles. */
    private record References(JsonNode manifest) {

        JsonNode resolve(JsonNode node, String path, List<String> visiting) {
            if (node.isTextual() && node.asText().startsWith("*ref(") && node.asText().endsWith(")")) {
                String ref = node.asText();
                String dotted = ref.substring(5, ref.length() - 1);
                return follow(ref, "/" + dotted.replace('.', '/'), path, visiting);
            }
            if (node.isArray()) {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    array.add(resolve(node.get(i), path + "[" + i + "]", visiting));
                }
                return array;
            }
            if (!node.isObject()) {
                return node;
            }
            ObjectNode result = NODES.objectNode();
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String pointer = ref.asText();
                if (!ref.isTextual() || !pointer.startsWith("#/")) {
                    throw ManifestNode.at(ManifestNode.join(path, "$ref"),
                            "a reference must look like \"#/definitions/<name>\", got '" + pointer + "'");
                }
                JsonNode target = follow(pointer, pointer.substring(1), path, visiting);
                if (!target.isObject()) {
                    throw ManifestNode.at(ManifestNode.join(path, "$ref"), "'" + pointer + "' is not a mapping");
                }
                result.setAll((ObjectNode) target);
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals("$ref")) {
                    result.set(field.getKey(), resolve(field.getValue(), ManifestNode.join(path, field.getKey()), visiting));
                }
            }
            return result;
        }

        private JsonNode follow(String ref, String pointer, String path, List<String> visiting) {
            JsonNode target;
            try {
                target = manifest.at(JsonPointer.compile(pointer));
            } catch (IllegalArgumentException e) {
                throw ManifestNode.at(path, "bad reference '" + ref + "'");
            }
            if (target.isMissingNode()) {
                throw ManifestNode.at(path, "bad reference '" + ref + "': the manifest has nothing at "
                        + pointer.substring(1).replace('/', '.'));
            }
            if (visiting.contains(pointer)) {
                throw ManifestNode.at(path, "circular reference '" + ref + "' (" + String.join(" -> ", visiting)
                        + " -> " + pointer + ")");
            }
            visiting.add(pointer);
            try {
                return resolve(target, path, visiting);
            } finally {
                visiting.remove(visiting.size() - 1);
            }
        }
    }
}
