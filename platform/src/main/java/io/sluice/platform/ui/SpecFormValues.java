package io.sluice.platform.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sluice.cdk.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the parameters a generated form posts back into the typed JSON config its spec describes:
 * numbers as numbers, checkboxes as booleans, one list item per line, only the chosen option of a
 * {@code oneOf} (with its discriminator set). A value that does not parse stays text, so the API's
 * validation names the field ("must be integer"). An empty input leaves its property out; an empty
 * secret is sent as {@value Secret#MASK} when {@code previous} has one there, which the API reads as
 * "keep the stored value".
 */
public final class SpecFormValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final SpecForm form;

    public SpecFormValues(SpecForm form) {
        this.form = form;
    }

    /**
     * The config of the posted {@code params} (all values of each parameter, as sent).
     *
     * @param previous the stored config as the API shows it (secrets masked), or an empty object
     */
    public ObjectNode config(Map<String, List<String>> params, JsonNode previous) {
        return object(form.fields(), params, previous);
    }

    private ObjectNode object(List<SpecField> fields, Map<String, List<String>> params, JsonNode previous) {
        ObjectNode config = JSON.createObjectNode();
        for (SpecField field : fields) {
            value(field, params, previous).ifPresent(v -> config.set(field.path().get(field.path().size() - 1), v));
        }
        return config;
    }

    private Optional<JsonNode> value(SpecField field, Map<String, List<String>> params, JsonNode previous) {
        List<String> sent = params.getOrDefault(field.name(), List.of());
        Optional<String> text = sent.stream().filter(s -> !s.isBlank()).reduce((first, second) -> second);
        return switch (field.kind()) {
            case TEXT -> text.map(t -> TextNode.valueOf(field.multiline() ? lines(t) : t.strip()));
            case INTEGER -> text.map(String::strip).map(t -> INTEGER.matcher(t).matches() ? parse(t) : TextNode.valueOf(t));
            case NUMBER -> text.map(String::strip).map(t -> NUMBER.matcher(t).matches() ? parse(t) : TextNode.valueOf(t));
            case BOOLEAN -> sent.contains("true") ? Optional.of(BooleanNode.TRUE)
                    : sent.isEmpty() ? Optional.empty() : Optional.of(BooleanNode.FALSE);
            case ENUM -> text.map(String::strip).map(t -> field.options().stream().filter(o -> o.asText().equals(t))
                    .findFirst().orElse(TextNode.valueOf(t)));
            case LIST -> text.map(t -> list(field, t));
            case SECRET -> secret(field, text, previous);
            case OBJECT -> {
                ObjectNode nested = object(field.fields(), params, previous);
                yield nested.isEmpty() && !field.required() ? Optional.empty() : Optional.of(nested);
            }
            case ONE_OF -> params.getOrDefault(field.choiceName(), List.of()).stream().filter(s -> !s.isBlank())
                    .reduce((first, second) -> second).flatMap(field::variant)
                    .map(v -> object(v.fields(), params, previous));
            case CONSTANT -> field.defaultValue();
            case JSON -> text.map(SpecFormValues::json);
        };
    }

    private static Optional<JsonNode> secret(SpecField field, Optional<String> text, JsonNode previous) {
        if (text.isPresent()) {
            return Optional.of(TextNode.valueOf(field.multiline() ? lines(text.get()) : text.get()));
        }
        JsonNode stored = previous.at(field.pointer());
        return stored.isTextual() && !stored.asText().isEmpty() ? Optional.of(TextNode.valueOf(Secret.MASK))
                : Optional.empty();
    }

    private static JsonNode list(SpecField field, String text) {
        ArrayNode items = JSON.createArrayNode();
        String itemType = field.itemType();
        for (String line : text.split("\\R")) {
            String item = line.strip();
            if (item.isEmpty()) {
                continue;
            }
            boolean numeric = itemType.equals("integer") ? INTEGER.matcher(item).matches()
                    : itemType.equals("number") && NUMBER.matcher(item).matches();
            items.add(numeric ? parse(item) : TextNode.valueOf(item));
        }
        return items;
    }

    /** A text area's text with its line ends as {@code \n} (browsers send {@code \r\n}). */
    private static String lines(String text) {
        return text.replace("\r\n", "\n");
    }

    private static JsonNode parse(String number) {
        try {
            return JSON.readTree(number);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(number);
        }
    }

    private static JsonNode json(String text) {
        try {
            JsonNode parsed = JSON.readTree(text);
            return parsed == null ? TextNode.valueOf(text) : parsed;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
