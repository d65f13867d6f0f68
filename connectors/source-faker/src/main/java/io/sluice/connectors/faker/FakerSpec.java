package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.ConnectorSpecification;

/** The config schema of source-faker, with the field names of Airbyte's "Sample Data (Faker)". */
final class FakerSpec {
    static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/sources/faker";

    private FakerSpec() {}

    static ConnectorSpecification specification() {
        return ConnectorSpecification.ofSource(DOCUMENTATION_URL, schema(), true);
    }

    static ObjectNode schema() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", "Faker Source Spec");
        schema.put("type", "object");
        schema.putArray("required");
        schema.put("additionalProperties", true);
        ObjectNode properties = schema.putObject("properties");

        ObjectNode count = integer(properties, "count", "Count", 0,
                "How many users to generate. Purchases scale with it; the products catalogue is fixed.");
        count.put("minimum", 1).put("maximum", FakerConfig.MAX_COUNT).put("default", FakerConfig.DEFAULT_COUNT);

        ObjectNode seed = integer(properties, "seed", "Seed", 1,
                "The random seed: the same seed and count give the same rows on every read (-1 for random).");
        seed.put("default", FakerConfig.RANDOM_SEED);

        ObjectNode perSlice = integer(properties, "records_per_slice", "Records Per Stream Slice", 2,
                "How many records of a stream to emit before each state checkpoint.");
        perSlice.put("minimum", 1).put("maximum", Integer.MAX_VALUE)
                .put("default", FakerConfig.DEFAULT_RECORDS_PER_SLICE);

        ObjectNode alwaysUpdated = properties.putObject("always_updated");
        alwaysUpdated.put("title", "Always Updated");
        alwaysUpdated.put("description", "Whether every incremental sync emits every record again with new "
                + "updated_at values (Airbyte's default). When false, a sync emits only the records beyond those "
                + "already emitted: a second sync with the same count emits nothing.");
        alwaysUpdated.put("type", "boolean");
        alwaysUpdated.put("default", FakerConfig.DEFAULT_ALWAYS_UPDATED);
        alwaysUpdated.put("order", 3);

        ObjectNode parallelism = integer(properties, "parallelism", "Parallelism", 4,
                "Accepted for compatibility with Airbyte configs; rows are generated on one thread.");
        parallelism.put("minimum", 1).put("default", 1);
        return schema;
    }

    private static ObjectNode integer(ObjectNode properties, String name, String title, int order, String description) {
        ObjectNode field = properties.putObject(name);
        field.put("title", title);
        field.put("description", description);
        field.put("type", "integer");
        field.put("order", order);
        return field;
    }
}
