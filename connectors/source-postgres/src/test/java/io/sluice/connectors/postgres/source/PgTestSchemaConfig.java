package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A config for the local test database reading one schema. */
final class PgTestSchemaConfig {
    private PgTestSchemaConfig() {}

    static ObjectNode of(String schema) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("host", PgTestSchema.HOST).put("port", PgTestSchema.PORT).put("database", PgTestSchema.DATABASE)
                .put("username", PgTestSchema.USER).put("password", "");
        config.putArray("schemas").add(schema);
        config.putObject("ssl_mode").put("mode", "disable");
        config.putObject("replication_method").put("method", "Standard");
        return config;
    }
}
