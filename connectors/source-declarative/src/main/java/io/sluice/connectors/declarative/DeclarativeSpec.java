package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.ConnectorSpecification;

/**
 * The config schema of source-declarative: the manifest (inline or by path) or the simple form,
 * beside which go the manifest's own spec fields, checked against its
 * {@code spec.connection_specification} at check, discover and read.
 */
final class DeclarativeSpec {
    static final String DOCUMENTATION_URL = "https://docs.airbyte.com/connector-development/config-based/low-code-cdk-overview";

    private DeclarativeSpec() {}

    static ConnectorSpecification specification() {
        return ConnectorSpecification.ofSource(DOCUMENTATION_URL, schema(), true);
    }

    static ObjectNode schema() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", "Declarative (low-code) Source Spec");
        schema.put("type", "object");
        schema.put("additionalProperties", true);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject(SourceConfig.INJECTED)
                .put("title", "Manifest")
                .put("description", "The low-code manifest (type: DeclarativeSource) as an object, as Airbyte's "
                        + "declarative-manifest source takes it.")
                .put("type", "object")
                .put("order", 0);
        properties.putObject(SourceConfig.MANIFEST_PATH)
                .put("title", "Manifest path")
                .put("description", "A YAML manifest file to read instead of an inline manifest.")
                .put("type", "string")
                .put("order", 1);
        properties.putObject(SimpleForm.URL_BASE)
                .put("title", "URL Base")
                .put("description", "Simple form: the API's base URL; with 'endpoints' it replaces a manifest.")
                .put("type", "string")
                .put("order", 2);
        ObjectNode auth = properties.putObject("authentication");
        auth.put("title", "Authentication").put("type", "object").put("order", 3)
                .put("description", "Simple form: type (Bearer Token, API Key, Basic, None) with token, header, "
                        + "username, password.");
        ObjectNode authProperties = auth.putObject("properties");
        authProperties.putObject("type").put("type", "string");
        authProperties.putObject("token").put("type", "string").put("airbyte_secret", true);
        authProperties.putObject("header").put("type", "string");
        authProperties.putObject("username").put("type", "string");
        authProperties.putObject("password").put("type", "string").put("airbyte_secret", true);
        properties.putObject(SimpleForm.ENDPOINTS)
                .put("title", "Endpoints")
                .put("description", "Simple form: streams as {name, path, http_method, params, records_path, primary_key}.")
                .put("type", "array")
                .put("order", 4);
        return schema;
    }
}
