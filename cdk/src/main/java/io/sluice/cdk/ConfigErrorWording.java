package io.sluice.cdk;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON-schema validator's errors into {@link ConfigError}s: dotted field paths, plain
 * words, and for each failed {@code oneOf} only the errors of the option the config meant.
 */
final class ConfigErrorWording {
    private final List<Error> errors;
    private final Set<Error> dropped = new HashSet<>();
    private final List<ConfigError> added = new ArrayList<>();

    ConfigErrorWording(List<Error> errors) {
        this.errors = errors;
    }

    List<ConfigError> configErrors() {
        errors.stream()
                .filter(e -> e.getKeyword().equals("oneOf"))
                .sorted(Comparator.comparingInt(e -> e.getEvaluationPath().getNameCount()))
                .forEach(this::resolveOneOf);
        List<ConfigError> result = new ArrayList<>();
        for (Error error : errors) {
            if (!dropped.contains(error) && !error.getKeyword().equals("oneOf")) {
                result.add(word(error));
            }
        }
        result.addAll(added);
        return result;
    }

    private void resolveOneOf(Error oneOf) {
        if (dropped.contains(oneOf)) {
            return;
        }
        String path = oneOf.getEvaluationPath().toString() + "/";
        JsonNode options = oneOf.getSchemaNode();
        int optionCount = options == null ? 0 : options.size();
        List<List<Error>> byOption = new ArrayList<>();
        for (int i = 0; i < optionCount; i++) {
            byOption.add(new ArrayList<>());
        }
        for (Error error : errors) {
            String evaluation = error.getEvaluationPath().toString();
            if (error != oneOf && evaluation.startsWith(path)) {
                int option = optionIndex(evaluation.substring(path.length()));
                if (option >= 0 && option < optionCount) {
                    byOption.get(option).add(error);
                }
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < optionCount; i++) {
            if (byOption.get(i).stream().noneMatch(e -> isDiscriminator(e, oneOf))) {
                chosen.add(i);
            }
        }
        String field = field(oneOf.getInstanceLocation());
        if (chosen.isEmpty() || byOption.stream().allMatch(List::isEmpty)) {
            byOption.forEach(dropped::addAll);
            added.add(noOptionMatches(oneOf, field, options));
            return;
        }
        int keep = chosen.stream().min(Comparator.comparingInt(i -> byOption.get(i).size())).orElseThrow();
        for (int i = 0; i < optionCount; i++) {
            if (i != keep) {
                dropped.addAll(byOption.get(i));
            }
        }
    }

    private static ConfigError noOptionMatches(Error oneOf, String field, JsonNode options) {
        Object[] arguments = oneOf.getArguments();
        if (arguments != null && arguments.length > 0 && !String.valueOf(arguments[0]).equals("0")) {
            return new ConfigError(field, "matches more than one of the options");
        }
        List<String> constants = new ArrayList<>();
        String discriminator = null;
        for (JsonNode option : options) {
            for (var property : option.path("properties").properties()) {
                JsonNode constant = property.getValue().get("const");
                if (constant == null && property.getValue().path("enum").size() == 1) {
                    constant = property.getValue().path("enum").get(0);
                }
                if (constant != null && (discriminator == null || discriminator.equals(property.getKey()))) {
                    discriminator = property.getKey();
                    constants.add(constant.asString());
                }
            }
        }
        if (discriminator == null) {
            return new ConfigError(field, "does not match any of the options");
        }
        String fieldPath = field.isEmpty() ? discriminator : field + "." + discriminator;
        return new ConfigError(fieldPath, "must be one of: " + String.join(", ", constants));
    }

    /** A const/enum (or required) error on a direct property of the oneOf's object: it rules the option out. */
    private static boolean isDiscriminator(Error error, Error oneOf) {
        String keyword = error.getKeyword();
        NodePath location = error.getInstanceLocation();
        NodePath object = oneOf.getInstanceLocation();
        boolean directChild = location.getNameCount() == object.getNameCount() + 1 && location.startsWith(object);
        return directChild && (keyword.equals("const") || keyword.equals("enum"));
    }

    private static int optionIndex(String rest) {
        int slash = rest.indexOf('/');
        try {
            return Integer.parseInt(slash < 0 ? rest : rest.substring(0, slash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ConfigError word(Error error) {
        String field = field(error.getInstanceLocation());
        JsonNode schema = error.getSchemaNode();
        String property = error.getProperty();
        return switch (error.getKeyword()) {
            case "required" -> new ConfigError(join(field, property), "is required");
            case "additionalProperties", "unevaluatedProperties" ->
                    new ConfigError(join(field, property), "is not allowed");
            case "type" -> new ConfigError(field, "must be " + typeWords(schema));
            case "enum" -> new ConfigError(field, "must be one of: " + listed(schema));
            case "const" -> new ConfigError(field, "must be " + schema.asString());
            case "minimum" -> new ConfigError(field, "must be >= " + schema.asString());
            case "maximum" -> new ConfigError(field, "must be <= " + schema.asString());
            case "exclusiveMinimum" -> new ConfigError(field, "must be > " + schema.asString());
            case "exclusiveMaximum" -> new ConfigError(field, "must be < " + schema.asString());
            case "minLength" -> new ConfigError(field, "must be at least " + schema.asString() + " characters long");
            case "maxLength" -> new ConfigError(field, "must be at most " + schema.asString() + " characters long");
            case "minItems" -> new ConfigError(field, "must have at least " + schema.asString() + " items");
            case "maxItems" -> new ConfigError(field, "must have at most " + schema.asString() + " items");
            case "uniqueItems" -> new ConfigError(field, "must not repeat items");
            case "pattern" -> new ConfigError(field, "must match the pattern " + schema.asString());
            case "format" -> new ConfigError(field, "must be a valid " + schema.asString());
            case "multipleOf" -> new ConfigError(field, "must be a multiple of " + schema.asString());
            default -> new ConfigError(field, plainMessage(error));
        };
    }

    private static String plainMessage(Error error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? "is not valid (" + error.getKeyword() + ")" : message;
    }

    private static String typeWords(JsonNode type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isArray()) {
            List<String> words = new ArrayList<>();
            type.forEach(t -> words.add(article(t.asString())));
            return String.join(" or ", words);
        }
        return article(type.asString());
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "object", "array" -> "an " + type;
            case "null" -> "null";
            default -> "a " + type;
        };
    }

    private static String listed(JsonNode values) {
        List<String> words = new ArrayList<>();
        if (values != null) {
            values.forEach(v -> words.add(v.isString() ? v.asString() : v.toString()));
        }
        return String.join(", ", words);
    }

    private static String join(String field, String property) {
        if (property == null || property.isEmpty()) {
            return field;
        }
        return field.isEmpty() ? property : field + "." + property;
    }

    /** {@code /replication_method/method} -> {@code replication_method.method}; {@code /schemas/0} -> {@code schemas[0]}. */
    static String field(NodePath location) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }
}
