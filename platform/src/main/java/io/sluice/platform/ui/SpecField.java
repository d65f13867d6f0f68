package io.sluice.platform.ui;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One input (or group of inputs) of a form generated from a connector's JSON-schema spec.
 *
 * @param path the property names from the config's root to this field ({@code [replication_method, method]})
 * @param id the HTML id, unique in the page and safe in CSS selectors ({@code config-host}); fields of a
 *     {@code oneOf} option carry the option's value ({@code config-replication_method-CDC-replication_slot})
 * @param defaultValue the schema's {@code default} (for {@link Kind#CONSTANT}, the constant), if any
 * @param options the values an {@link Kind#ENUM} allows, as the schema lists them
 * @param fields the fields of an {@link Kind#OBJECT}
 * @param variants the options of a {@link Kind#ONE_OF}
 * @param discriminator the property whose constant tells a {@link Kind#ONE_OF}'s options apart
 *     ({@code method}); empty when they are chosen by position
 * @param multiline a text or secret shown as a text area ({@code "multiline": true})
 * @param schema the property's own JSON schema
 */
public record SpecField(List<String> path, String id, Kind kind, String label, Optional<String> hint,
        boolean required, Optional<JsonNode> defaultValue, List<JsonNode> options, List<SpecField> fields,
        List<SpecVariant> variants, Optional<String> discriminator, boolean multiline, JsonNode schema) {

    /** How a field is shown and read back. */
    public enum Kind {
        TEXT, INTEGER, NUMBER, BOOLEAN, ENUM,
        /** An array of strings or numbers: a text area, one item per line. */
        LIST,
        /** An {@code airbyte_secret}: a password input, never filled in. */
        SECRET,
        OBJECT, ONE_OF,
        /** A {@code const}: not shown, always set. */
        CONSTANT,
        /** Anything else (free-form objects, arrays of objects): JSON text. */
        JSON
    }

    public SpecField {
        path = List.copyOf(path);
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(label, "label");
        options = List.copyOf(options);
        fields = List.copyOf(fields);
        variants = List.copyOf(variants);
        requireNonNull(schema, "schema");
    }

    /** The form parameter's name: the JSON path under {@code config.} ({@code config.ssl_mode.mode}). */
    public String name() {
        return "config." + String.join(".", path);
    }

    /** The JSON pointer of the value in the config ({@code /ssl_mode/mode}). */
    public String pointer() {
        StringBuilder pointer = new StringBuilder();
        for (String part : path) {
            pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** For a {@link Kind#ONE_OF}: the parameter naming the chosen option (the discriminator's path, or the field's). */
    public String choiceName() {
        return discriminator.map(d -> name() + "." + d).orElse(name());
    }

    /** For a {@link Kind#ONE_OF}: the id of the select that chooses the option. */
    public String choiceId() {
        return id + "-" + SpecForm.idSafe(discriminator.orElse("variant"));
    }

    /** The option whose value is {@code value}. */
    public Optional<SpecVariant> variant(String value) {
        return variants.stream().filter(v -> v.value().equals(value)).findFirst();
    }

    /** For a {@link Kind#LIST}: the type of its items ({@code string}, {@code integer} or {@code number}). */
    public String itemType() {
        return SpecForm.type(schema.path("items"));
    }

    /** The keyboard a phone shows for a number ({@code numeric} only when it cannot be negative), or null. */
    public String inputMode() {
        boolean nonNegative = schema.path("minimum").isNumber() && schema.path("minimum").asDouble() >= 0;
        return switch (kind) {
            case INTEGER -> nonNegative ? "numeric" : null;
            case NUMBER -> nonNegative ? "decimal" : null;
            default -> null;
        };
    }

    public boolean is(Kind other) {
        return kind == other;
    }
}
