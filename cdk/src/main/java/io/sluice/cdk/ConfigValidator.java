package io.sluice.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a connector config against the JSON schema of its spec ({@code connectionSpecification},
 * draft 7, Airbyte's extra keywords such as {@code airbyte_secret} allowed). Returns one
 * {@link ConfigError} per bad field; never throws for a bad config. For a {@code oneOf} of options
 * told apart by a constant (Airbyte's {@code replication_method: {method: ...}}), it reports the
 * problems of the option the config chose, or that the constant must be one of the options.
 * Thread-safe; compiled schemas are cached.
 */
public final class ConfigValidator {
    private static final int CACHE_LIMIT = 256;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(airbyteDraft7());
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private ConfigValidator() {}

    /**
     * The problems of {@code config} against {@code specSchema}; empty when it is valid.
     *
     * @throws ConnectorException (SYSTEM) when {@code specSchema} itself is not a usable JSON schema
     */
    public static List<ConfigError> validate(ObjectNode specSchema, JsonNode config) {
        Schema schema = compiled(specSchema);
        List<com.networknt.schema.Error> errors;
        try {
            errors = schema.validate(config.toString(), InputFormat.JSON);
        } catch (SchemaException e) {
            throw new ConnectorException(FailureKind.SYSTEM,
                    "the connector's spec is not a valid JSON schema: " + e.getMessage(), e);
        }
        if (errors.isEmpty()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(new ConfigErrorWording(errors).configErrors()));
    }

    /** The compiled form of a schema, from the cache when the same schema was seen before. */
    static Schema compiled(ObjectNode specSchema) {
        String key = specSchema.toString();
        Schema schema = COMPILED.get(key);
        if (schema != null) {
            return schema;
        }
        try {
            schema = REGISTRY.getSchema(key, InputFormat.JSON);
            schema.initializeValidators();
        } catch (SchemaException | IllegalArgumentException e) {
            throw new ConnectorException(FailureKind.SYSTEM,
                    "the connector's spec is not a valid JSON schema: " + e.getMessage(), e);
        }
        if (COMPILED.size() >= CACHE_LIMIT) {
            COMPILED.clear();
        }
        COMPILED.put(key, schema);
        return schema;
    }

    /** Draft 7 where unknown keywords (airbyte_secret, order, group, ...) are annotations, not warnings. */
    private static Dialect airbyteDraft7() {
        return Dialect.builder(Dialects.getDraft7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
    }
}
