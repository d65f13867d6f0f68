package io.sluice.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SPEC = """
            {"$schema": "http://json-schema.org/draft-07/schema#",
             "type": "object", "required": ["host", "port", "replication_method"],
             "properties": {
               "host": {"type": "string", "order": 0},
               "port": {"type": "integer", "minimum": 1, "maximum": 65535},
               "password": {"type": "string", "airbyte_secret": true},
               "ssl": {"type": "string", "enum": ["a", "b"]},
               "schemas": {"type": "array", "items": {"type": "string"}, "minItems": 1},
               "ratio": {"type": ["number", "null"]},
               "replication_method": {"type": "object", "oneOf": [
                 {"title": "Standard", "required": ["method"],
                  "properties": {"method": {"type": "string", "const": "Standard"}}},
                 {"title": "CDC", "required": ["method", "replication_slot"],
                  "properties": {"method": {"type": "string", "const": "CDC"},
                                 "replication_slot": {"type": "string", "minLength": 1},
                                 "initial_waiting_seconds": {"type": "integer", "minimum": 120}}}
               ]}}}
            """;

    private static ObjectNode spec() throws Exception {
        return (ObjectNode) JSON.readTree(SPEC);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void validConfigHasNoErrors() throws Exception {
        assertThat(ConfigValidator.validate(spec(), json("""
                {"host": "db", "port": 5432, "password": "x", "ssl": "a", "schemas": ["public"],
                 "ratio": null, "replication_method": {"method": "CDC", "replication_slot": "s"}}
                """))).isEmpty();
    }

    @Test
    void reportsEachBadFieldInPlainWords() throws Exception {
        var errors = ConfigValidator.validate(spec(), json("""
                {"port": "5432", "ssl": "c", "schemas": ["public", 3], "ratio": "x",
                 "replication_method": {"method": "Standard"}}
                """));

        assertThat(errors).containsExactlyInAnyOrder(
                new ConfigError("host", "is required"),
                new ConfigError("port", "must be an integer"),
                new ConfigError("ssl", "must be one of: a, b"),
                new ConfigError("schemas[1]", "must be a string"),
                new ConfigError("ratio", "must be a number or null"));
    }

    @Test
    void reportsBoundsAndLengths() throws Exception {
        var errors = ConfigValidator.validate(spec(), json("""
                {"host": "h", "port": 0, "schemas": [], "replication_method": {"method": "Standard"}}
                """));

        assertThat(errors).containsExactlyInAnyOrder(
                new ConfigError("port", "must be >= 1"),
                new ConfigError("schemas", "must have at least 1 items"));
        assertThat(ConfigValidator.validate(spec(), json("""
                {"host": "h", "port": 70000, "replication_method": {"method": "Standard"}}
                """))).containsExactly(new ConfigError("port", "must be <= 65535"));
    }

    @Test
    void oneOfReportsTheChosenOptionsProblems() throws Exception {
        var errors = ConfigValidator.validate(spec(), json("""
                {"host": "h", "port": 1, "replication_method": {"method": "CDC", "initial_waiting_seconds": 5}}
                """));

        assertThat(errors).containsExactlyInAnyOrder(
                new ConfigError("replication_method.replication_slot", "is required"),
                new ConfigError("replication_method.initial_waiting_seconds", "must be >= 120"));
    }

    @Test
    void oneOfWithUnknownDiscriminatorListsTheOptions() throws Exception {
        var errors = ConfigValidator.validate(spec(), json("""
                {"host": "h", "port": 1, "replication_method": {"method": "Nope"}}
                """));

        assertThat(errors).containsExactly(
                new ConfigError("replication_method.method", "must be one of: Standard, CDC"));
    }

    @Test
    void wholeConfigOfWrongTypeHasEmptyField() throws Exception {
        var errors = ConfigValidator.validate(spec(), json("[1, 2]"));

        assertThat(errors).containsExactly(new ConfigError("", "must be an object"));
        assertThat(errors.get(0)).hasToString("the config must be an object");
    }

    @Test
    void nestedOneOfsResolveIndependently() throws Exception {
        ObjectNode nested = (ObjectNode) json("""
                {"type": "object", "properties": {"format": {"type": "object", "oneOf": [
                  {"properties": {"format_type": {"const": "CSV"}, "delimiter": {"type": "string"}},
                   "required": ["format_type"]},
                  {"properties": {"format_type": {"const": "Parquet"},
                                  "compression": {"type": "object", "oneOf": [
                                     {"properties": {"codec": {"const": "SNAPPY"}}, "required": ["codec"]},
                                     {"properties": {"codec": {"const": "ZSTD"}, "level": {"type": "integer"}},
                                      "required": ["codec", "level"]}]}},
                   "required": ["format_type"]}]}}}
                """);

        assertThat(ConfigValidator.validate(nested, json("""
                {"format": {"format_type": "Parquet", "compression": {"codec": "ZSTD"}}}
                """))).containsExactly(new ConfigError("format.compression.level", "is required"));
        assertThat(ConfigValidator.validate(nested, json("""
                {"format": {"format_type": "Parquet", "compression": {"codec": "LZ4"}}}
                """))).containsExactly(new ConfigError("format.compression.codec", "must be one of: SNAPPY, ZSTD"));
        assertThat(ConfigValidator.validate(nested, json("""
                {"format": {"format_type": "CSV", "delimiter": 1}}
                """))).containsExactly(new ConfigError("format.delimiter", "must be a string"));
    }

    @Test
    void compiledSchemasAreCached() throws Exception {
        assertThat(ConfigValidator.compiled(spec())).isSameAs(ConfigValidator.compiled(spec()));
    }

    @Test
    void brokenSpecIsASystemError() throws Exception {
        ObjectNode broken = (ObjectNode) json("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/nowhere\"}}}");

        assertThatThrownBy(() -> ConfigValidator.validate(broken, json("{\"a\": 1}")))
                .isInstanceOf(ConnectorException.class);
    }
}
