package io.sluice.platform.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Secrets;
import io.sluice.platform.ui.SpecField.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The form of a connector's config, generated from its spec's JSON schema
 * ({@code connectionSpecification}): one {@link SpecField} per property, in the order of the
 * schema's {@code order} keywords and then as declared, labelled by {@code title} (or the property
 * name). Properties marked {@code airbyte_hidden} are left out.
 */
public record SpecForm(List<SpecField> fields) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    public SpecForm {
        fields = List.copyOf(fields);
    }

    public static SpecForm of(JsonNode connectionSpecification) {
        return new SpecForm(fields(reparsed(connectionSpecification), List.of(), "config"));
    }

    /** The schema as parsed from its text, so that defaults are the same number nodes as a posted value's. */
    private static JsonNode reparsed(JsonNode schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the spec is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The config the form starts with for a new source or destination: every default the schema gives. */
    public ObjectNode defaults() {
        return defaults(fields);
    }

    /** Every form parameter name the fields use (the selects of {@code oneOf} groups included). */
    public Set<String> names() {
        Set<String> names = new HashSet<>();
        collectNames(fields, names);
        return names;
    }

    private static void collectNames(List<SpecField> fields, Set<String> names) {
        for (SpecField field : fields) {
            names.add(field.is(Kind.ONE_OF) ? field.choiceName() : field.name());
            collectNames(field.fields(), names);
            field.variants().forEach(v -> collectNames(v.fields(), names));
        }
    }

    private static ObjectNode defaults(List<SpecField> fields) {
        ObjectNode config = NODES.objectNode();
        for (SpecField field : fields) {
            switch (field.kind()) {
                case OBJECT -> {
                    ObjectNode nested = defaults(field.fields());
                    if (!nested.isEmpty()) {
                        config.set(last(field), nested);
                    }
                }
                case ONE_OF -> chosenByDefault(field).ifPresent(v -> {
                    ObjectNode option = defaults(v.fields());
                    field.defaultValue().filter(JsonNode::isObject)
                            .ifPresent(d -> d.properties().forEach(e -> option.set(e.getKey(), e.getValue())));
                    config.set(last(field), option);
                });
                case SECRET -> { }
                default -> field.defaultValue().ifPresent(d -> config.set(last(field), d));
            }
        }
        return config;
    }

    /** The option a {@code oneOf} group starts with: the one its default names, or the first. */
    static Optional<SpecVariant> chosenByDefault(SpecField oneOf) {
        Optional<SpecVariant> named = oneOf.discriminator().flatMap(d -> oneOf.defaultValue()
                .map(v -> v.path(d)).filter(JsonNode::isValueNode).flatMap(v -> oneOf.variant(v.asText())));
        return named.or(() -> oneOf.variants().stream().findFirst());
    }

    private static String last(SpecField field) {
        return field.path().get(field.path().size() - 1);
    }

    private static List<SpecField> fields(JsonNode objectSchema, List<String> parentPath, String parentId) {
        Set<String> required = new HashSet<>();
        objectSchema.path("required").forEach(r -> required.add(r.asText()));
        List<Map.Entry<String, JsonNode>> ordered = new ArrayList<>(objectSchema.path("properties").properties());
        ordered.sort(Comparator.comparingInt(e -> e.getValue().path("order").asInt(Integer.MAX_VALUE)));
        List<SpecField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : ordered) {
            JsonNode schema = property.getValue();
            if (schema.path("airbyte_hidden").asBoolean(false)) {
                continue;
            }
            List<String> path = new ArrayList<>(parentPath);
            path.add(property.getKey());
            fields.add(field(schema, path, parentId + "-" + idSafe(property.getKey()),
                    required.contains(property.getKey())));
        }
        return fields;
    }

    private static SpecField field(JsonNode schema, List<String> path, String id, boolean required) {
        String name = path.get(path.size() - 1);
        String label = schema.path("title").asText("").isBlank() ? name : schema.path("title").asText();
        Optional<String> hint = Optional.of(schema.path("description").asText("")).filter(s -> !s.isBlank());
        Optional<JsonNode> defaultValue = Optional.ofNullable(schema.get("default")).filter(d -> !d.isNull());
        boolean multiline = schema.path("multiline").asBoolean(false);
        Kind kind = kind(schema);
        List<JsonNode> options = new ArrayList<>();
        schema.path("enum").forEach(options::add);
        List<SpecField> children = kind == Kind.OBJECT ? fields(schema, path, id) : List.of();
        Optional<String> discriminator = kind == Kind.ONE_OF ? discriminator(schema.path("oneOf")) : Optional.empty();
        List<SpecVariant> variants = kind == Kind.ONE_OF ? variants(schema.path("oneOf"), discriminator, path, id)
                : List.of();
        if (kind == Kind.CONSTANT) {
            defaultValue = Optional.of(constant(schema));
        }
        return new SpecField(path, id, kind, label, hint, required, defaultValue, options, children, variants,
                discriminator, multiline, schema);
    }

    private static Kind kind(JsonNode schema) {
        if (schema.path("oneOf").isArray() && !schema.path("oneOf").isEmpty()) {
            return Kind.ONE_OF;
        }
        if (schema.has("const")) {
            return Kind.CONSTANT;
        }
        if (Secrets.isSecret(schema)) {
            return Kind.SECRET;
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return Kind.ENUM;
        }
        return switch (type(schema)) {
            case "string" -> Kind.TEXT;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "array" -> List.of("string", "integer", "number").contains(type(schema.path("items")))
                    ? Kind.LIST : Kind.JSON;
            case "object" -> schema.path("properties").isEmpty() ? Kind.JSON : Kind.OBJECT;
            default -> Kind.JSON;
        };
    }

    /** The schema's type; of a list of types ({@code ["string", "null"]}) the first that is not null. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "";
        }
        return type.asText("");
    }

    private static JsonNode constant(JsonNode schema) {
        return schema.has("const") ? schema.get("const") : schema.path("enum").get(0);
    }

    private static boolean isConstant(JsonNode schema) {
        return schema.has("const") || (schema.path("enum").isArray() && schema.path("enum").size() == 1);
    }

    /** The property every option holds as a different constant ({@code method}, {@code mode}), if one does. */
    private static Optional<String> discriminator(JsonNode options) {
        JsonNode first = options.get(0);
        for (Map.Entry<String, JsonNode> candidate : first.path("properties").properties()) {
            Set<String> seen = new HashSet<>();
            boolean tells = true;
            for (JsonNode option : options) {
                JsonNode property = option.path("properties").path(candidate.getKey());
                if (!isConstant(property) || !seen.add(constant(property).asText())) {
                    tells = false;
                    break;
                }
            }
            if (tells) {
                return Optional.of(candidate.getKey());
            }
        }
        return Optional.empty();
    }

    private static List<SpecVariant> variants(JsonNode options, Optional<String> discriminator, List<String> path,
            String id) {
        List<SpecVariant> variants = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String value = discriminator.map(d -> constant(option.path("properties").path(d)).asText())
                    .orElse(String.valueOf(i));
            ObjectNode schema = option.deepCopy();
            discriminator.ifPresent(d -> ((ObjectNode) schema.path("properties").path(d)).set("const",
                    constant(option.path("properties").path(d))));
            String title = option.path("title").asText("").isBlank() ? value : option.path("title").asText();
            Optional<String> hint = Optional.of(option.path("description").asText("")).filter(s -> !s.isBlank());
            variants.add(new SpecVariant(value, title, hint, fields(schema, path, id + "-" + idSafe(value))));
        }
        return variants;
    }

    /** {@code text} with every character but letters, digits, {@code _} and {@code -} as {@code _}. */
    static String idSafe(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.isEmpty() ? "_" : safe;
    }
}
