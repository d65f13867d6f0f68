package io.sluice.connectors.postgres.destination;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON schema of the destination's config, with Airbyte's destination-postgres field names. */
final class PostgresSpec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PostgresSpec() {}

    static ObjectNode schema() {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", "Postgres Destination Spec");
        schema.put("type", "object");
        schema.putArray("required").add("host").add("port").add("username").add("database").add("schema");
        ObjectNode properties = schema.putObject("properties");
        string(properties, "host", "Host", "Hostname of the database.", 0);
        ObjectNode port = properties.putObject("port");
        port.put("type", "integer");
        port.put("title", "Port");
        port.put("description", "Port of the database.");
        port.put("minimum", 0);
        port.put("maximum", 65536);
        port.put("default", 5432);
        port.putArray("examples").add("5432");
        port.put("order", 1);
        string(properties, "database", "DB Name", "Name of the database.", 2);
        string(properties, "schema", "Default Schema", "The default schema tables are written to if the source "
                + "does not specify a namespace. The usual value for this field is \"public\".", 3).put("default", "public");
        string(properties, "username", "User", "Username to use to access the database.", 4);
        ObjectNode password = string(properties, "password", "Password", "Password associated with the username.", 5);
        password.put("airbyte_secret", true);
        properties.set("ssl_mode", sslMode());
        string(properties, "jdbc_url_params", "JDBC URL Params", "Additional properties to pass to the JDBC URL "
                + "string when connecting to the database formatted as 'key=value' pairs separated by the symbol '&'. "
                + "(example: key1=value1&key2=value2&key3=value3).", 7);
        ObjectNode normalization = string(properties, "normalization", "Normalization",
                "basic: typed, flattened tables per stream (child tables for arrays of objects); none: raw JSON tables only.", 8);
        normalization.putArray("enum").add("basic").add("none");
        normalization.put("default", "basic");
        ObjectNode raw = properties.putObject("raw_tables");
        raw.put("type", "boolean");
        raw.put("title", "Raw tables");
        raw.put("description", "Also keep every record as JSON in _airbyte_raw_<stream>; off is faster.");
        raw.put("default", true);
        raw.put("order", 9);
        ObjectNode format = string(properties, "copy_format", "COPY format",
                "How rows are sent to PostgreSQL's COPY: binary (faster) or text.", 10);
        format.putArray("enum").add("binary").add("text");
        format.put("default", "binary");
        ObjectNode deletion = string(properties, "cdc_deletion_mode", "CDC deletion mode",
                "Whether rows deleted at a CDC source are removed from the deduplicated table (Hard delete) or kept "
                        + "with _ab_cdc_deleted_at set (Soft delete). Defaults to hard deletes, as Airbyte's.", 11);
        deletion.putArray("enum").add(PostgresConfig.HARD_DELETE).add(PostgresConfig.SOFT_DELETE);
        deletion.put("default", PostgresConfig.HARD_DELETE);
        return schema;
    }

    private static ObjectNode string(ObjectNode properties, String name, String title, String description, int order) {
        ObjectNode field = properties.putObject(name);
        field.put("type", "string");
        field.put("title", title);
        field.put("description", description);
        field.put("order", order);
        return field;
    }

    /** Airbyte's ssl_mode: one object per mode, told apart by {@code mode}. */
    private static ObjectNode sslMode() {
        ObjectNode ssl = JSON.objectNode();
        ssl.put("title", "SSL modes");
        ssl.put("type", "object");
        ssl.put("description", "SSL connection modes. disable, allow, prefer, require, verify-ca, verify-full "
                + "(the last two check the server's certificate against ca_certificate).");
        ssl.put("order", 6);
        ArrayNode options = ssl.putArray("oneOf");
        String[][] modes = {
            {"disable", "Disable SSL."},
            {"allow", "Use SSL only if the server insists on it."},
            {"prefer", "Use SSL if the server supports it."},
            {"require", "Always use SSL; do not check the server's certificate."},
            {"verify-ca", "Always use SSL and check the server's certificate against the CA."},
            {"verify-full", "Always use SSL, check the certificate against the CA and the host name."},
        };
        for (String[] mode : modes) {
            ObjectNode option = options.addObject();
            option.put("title", mode[0]);
            option.put("description", mode[1]);
            option.put("type", "object");
            option.putArray("required").add("mode");
            ObjectNode properties = option.putObject("properties");
            ObjectNode modeField = properties.putObject("mode");
            modeField.put("type", "string");
            modeField.put("const", mode[0]);
            modeField.putArray("enum").add(mode[0]);
            modeField.put("default", mode[0]);
            modeField.put("order", 0);
            if (mode[0].startsWith("verify")) {
                option.withArray("required").add("ca_certificate");
                ObjectNode ca = properties.putObject("ca_certificate");
                ca.put("type", "string");
                ca.put("title", "CA certificate");
                ca.put("description", "CA certificate (PEM)");
                ca.put("airbyte_secret", true);
                ca.put("multiline", true);
                ca.put("order", 1);
            }
        }
        return ssl;
    }
}
