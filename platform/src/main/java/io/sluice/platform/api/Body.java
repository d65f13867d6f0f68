package io.sluice.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sluice.cdk.ConfigError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request's JSON object body, read field by field. Every problem is collected with the field's
 * name; {@link #done()} throws them all at once as a 422. An empty body is an empty object (list
 * calls may send none); anything that is not a JSON object is a 400.
 */
public final class Body {
    private static final Pattern PLACEHOLDER = Pattern.compile(":\\s*\\{\\s*\\.\\.\\.\\s*\\}");

    private final ObjectNode json;
    private final List<ConfigError> errors = new ArrayList<>();

    private Body(ObjectNode json) {
        this.json = json;
    }

    public static Body of(Context ctx) {
        return of(ctx.body());
    }

    /** The body of an in-process call ({@link Routes#call}), read as the HTTP body would be. */
    public static Body of(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return new Body(ApiJson.MAPPER.createObjectNode());
        }
        if (!json.isObject()) {
            throw new ApiException.BadRequest("the request body must be a JSON object");
        }
        return new Body(((ObjectNode) json).deepCopy());
    }

    private static Body of(String text) {
        if (text.isBlank()) {
            return new Body(ApiJson.MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = ApiJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            node = withoutPlaceholders(text).orElseThrow(() -> new ApiException.BadRequest(
                    "malformed JSON in the request body: " + e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new ApiException.BadRequest("the request body must be a JSON object");
        }
        return new Body((ObjectNode) node);
    }

    /**
     * Documentation writes an elided object as {@code {...}} (the seed's {@code "jsonSchema": {...}});
     * read as {@code {}} ("take what the source discovers") when that is the only thing wrong.
     */
    private static Optional<JsonNode> withoutPlaceholders(String text) {
        if (!PLACEHOLDER.matcher(text).find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ApiJson.MAPPER.readTree(PLACEHOLDER.matcher(text).replaceAll(": {}")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public static Body of(ObjectNode json) {
        return new Body(json);
    }

    public ObjectNode json() {
        return json;
    }

    public boolean has(String field) {
        return json.hasNonNull(field);
    }

    /** Records a problem to report with the others. */
    public void error(String field, String problem) {
        errors.add(new ConfigError(field, problem));
    }

    public void errors(List<ConfigError> more) {
        errors.addAll(more);
    }

    /** Throws the collected problems, if any, as one 422. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput(errors);
        }
    }

    /** A required id: missing or malformed, it is reported and the call fails at once. */
    public UUID id(String field) {
        Optional<UUID> id = optionalId(field);
        if (id.isEmpty()) {
            if (!has(field)) {
                error(field, "is required");
            }
            done();
        }
        return id.orElseThrow();
    }

    public Optional<UUID> optionalId(String field) {
        Optional<String> text = optionalText(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.get().strip()));
        } catch (IllegalArgumentException e) {
            error(field, "must be a UUID (got '" + abbreviate(text.get()) + "')");
            done();
            return Optional.empty();
        }
    }

    public long longValue(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            error(field, "is required");
        } else if (value.canConvertToLong() || (value.isTextual() && value.asText().strip().matches("-?\\d{1,18}"))) {
            return value.isTextual() ? Long.parseLong(value.asText().strip()) : value.asLong();
        } else {
            error(field, "must be an integer");
        }
        done();
        return 0;
    }

    /** A required text; a missing one is recorded and "" returned. */
    public String text(String field) {
        Optional<String> value = optionalText(field);
        if (value.isEmpty() || value.get().isBlank()) {
            error(field, "is required");
            return "";
        }
        return value.get();
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            error(field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            error(field, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }

    public Optional<ObjectNode> optionalObject(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            error(field, "must be a JSON object");
            return Optional.empty();
        }
        return Optional.of((ObjectNode) value);
    }

    /** A required JSON object; a missing one is recorded and an empty object returned. */
    public ObjectNode object(String field) {
        Optional<ObjectNode> value = optionalObject(field);
        if (value.isEmpty() && !has(field)) {
            error(field, "is required");
        }
        return value.orElseGet(ApiJson.MAPPER::createObjectNode);
    }

    /** One of {@code allowed} (compared ignoring case, returned as listed), if present. */
    public Optional<String> optionalEnum(String field, List<String> allowed) {
        Optional<String> value = optionalText(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.get().strip())) {
                return Optional.of(a);
            }
        }
        error(field, "must be one of: " + String.join(", ", allowed) + " (got '" + abbreviate(value.get()) + "')");
        return Optional.empty();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
