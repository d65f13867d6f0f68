package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.ui.SpecField.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * What a generated form shows: the values of a config (the defaults of a new one, the stored one
 * with its secrets masked, or the one just posted) and the problems by parameter name
 * ({@code config.host}). Secrets are never shown, only whether one is stored.
 *
 * @param editing whether the config is stored already (secrets then say "set" or "not set")
 */
public record SpecFormView(SpecForm form, JsonNode values, Map<String, String> errors, boolean editing) {
    public SpecFormView {
        errors = Map.copyOf(errors);
    }

    /**
     * The value a field shows: the config's, or for a field of an option that is not chosen
     * ({@code active} false) its default, so that choosing the option shows its defaults.
     */
    private JsonNode value(SpecField field, boolean active) {
        if (active) {
            return values.at(field.pointer());
        }
        return field.defaultValue().orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** The text an input shows for the field. */
    public String text(SpecField field, boolean active) {
        JsonNode value = value(field, active);
        if (value.isMissingNode() || value.isNull() || field.is(Kind.SECRET)) {
            return "";
        }
        return switch (field.kind()) {
            case LIST -> value.isArray() ? String.join("\n", StreamSupport.stream(value.spliterator(), false)
                    .map(JsonNode::asText).toList()) : value.asText();
            case JSON -> value.isTextual() ? value.asText() : value.toPrettyString();
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }

    public boolean checked(SpecField field, boolean active) {
        return value(field, active).asBoolean(false);
    }

    /** Whether an enum's {@code option} is the value (or, with none, the default). */
    public boolean selected(SpecField field, JsonNode option, boolean active) {
        JsonNode value = value(field, active);
        return value.isMissingNode() ? field.defaultValue().map(option::equals).orElse(false)
                : option.asText().equals(value.asText());
    }

    /** Whether an enum needs an empty first option (not required, no default, or a value that is none of them). */
    public boolean emptyOption(SpecField field) {
        return !field.required() && field.defaultValue().isEmpty();
    }

    /** A {@code oneOf} group's chosen option: the one the values name, else the default's, else the first. */
    public String chosen(SpecField oneOf) {
        JsonNode value = values.at(oneOf.pointer());
        if (value.isObject()) {
            if (oneOf.discriminator().isPresent()) {
                String named = value.path(oneOf.discriminator().get()).asText("");
                if (oneOf.variant(named).isPresent()) {
                    return named;
                }
            } else {
                for (SpecVariant variant : oneOf.variants()) {
                    if (variant.fields().stream().filter(SpecField::required)
                            .allMatch(f -> value.has(f.path().get(f.path().size() - 1)))) {
                        return variant.value();
                    }
                }
            }
        }
        return SpecForm.chosenByDefault(oneOf).map(SpecVariant::value).orElse("");
    }

    /** Whether a secret is stored (shown as set when editing; a new form says nothing). */
    public boolean secretSet(SpecField field) {
        JsonNode value = values.at(field.pointer());
        return value.isTextual() && !value.asText().isEmpty();
    }

    /** The problem of a field, if it has one and is shown ({@code active}: not in an option that is not chosen). */
    public String error(String name, boolean active) {
        return active ? errors.get(name) : null;
    }

    public boolean hasError(String name, boolean active) {
        return error(name, active) != null;
    }

    /**
     * The ids an input's {@code aria-describedby} lists, as far as it has them: its hint, whether a
     * secret is stored, and its error.
     */
    public String describedBy(SpecField field, boolean active) {
        List<String> ids = new ArrayList<>();
        if (field.hint().isPresent()) {
            ids.add(field.id() + "-hint");
        }
        if (field.is(Kind.SECRET) && editing) {
            ids.add(field.id() + "-state");
        }
        String name = field.is(Kind.ONE_OF) ? field.choiceName() : field.name();
        if (hasError(name, active)) {
            ids.add((field.is(Kind.ONE_OF) ? field.choiceId() : field.id()) + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    /** The default as a placeholder, for inputs left empty. */
    public String placeholder(SpecField field) {
        return field.defaultValue().filter(JsonNode::isValueNode).map(JsonNode::asText)
                .or(() -> field.schema().path("examples").isArray() && !field.schema().path("examples").isEmpty()
                        ? java.util.Optional.of(field.schema().path("examples").get(0).asText())
                        : java.util.Optional.empty())
                .orElse(null);
    }
}
