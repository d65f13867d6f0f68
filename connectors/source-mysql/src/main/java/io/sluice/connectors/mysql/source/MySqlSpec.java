package io.sluice.connectors.mysql.source;

import static io.sluice.cdk.SpecSchema.field;
import static io.sluice.cdk.SpecSchema.option;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.SpecSchema;
import io.sluice.protocol.ConnectorSpecification;

/** The config schema of source-mysql, with the field names of Airbyte's MySQL source. */
final class MySqlSpec {
    static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/sources/mysql";
    private static final ObjectNode SCHEMA = build();

    private MySqlSpec() {}

    static ConnectorSpecification specification() {
        return ConnectorSpecification.ofSource(DOCUMENTATION_URL, schema(), true);
    }

    static ObjectNode schema() {
        return SCHEMA.deepCopy();
    }

    private static ObjectNode build() {
        ObjectNode schema = SpecSchema.object("MySql Source Spec", "host", "port", "database", "username");
        ObjectNode p = SpecSchema.properties(schema);

        field(p, "host", "string", "Host", 0, "The host name of the database.");
        field(p, "port", "integer", "Port", 1, "The port to connect to.")
                .put("minimum", 0).put("maximum", 65536).put("default", MySqlConfig.DEFAULT_PORT);
        field(p, "database", "string", "Database", 2, "The database name.");
        field(p, "username", "string", "Username", 3, "The username which is used to access the database.");
        field(p, "password", "string", "Password", 4, "The password associated with the username.")
                .put("airbyte_secret", true);
        field(p, "jdbc_url_params", "string", "JDBC URL Parameters (Advanced)", 5,
                "Additional properties to pass to the JDBC URL string when connecting to the database "
                        + "formatted as 'key=value' pairs separated by the symbol '&'. "
                        + "(example: key1=value1&key2=value2&key3=value3).");
        sslModes(p.putObject("ssl_mode"));
        replicationMethods(p.putObject("replication_method"));
        return schema;
    }

    private static void sslModes(ObjectNode ssl) {
        ssl.put("title", "SSL modes");
        ssl.put("description", "SSL connection modes.");
        ssl.put("type", "object");
        ssl.put("order", 7);
        ArrayNode options = ssl.putArray("oneOf");
        option(options, "mode", "preferred", "preferred", "Encrypt the connection if the server supports it, "
                + "otherwise connect unencrypted.");
        option(options, "mode", "required", "required", "Always encrypt the connection; fail when the server "
                + "does not support encryption. The server's certificate is not verified.");
        verifyMode(options, "verify_ca", "Always encrypt, and verify that the server's certificate is signed by "
                + "the given certificate authority.");
        verifyMode(options, "verify_identity", "Always encrypt, verify the server's certificate and that it "
                + "was issued for the host name connected to.");
        option(options, "mode", "disabled", "disabled", "Never encrypt the connection.");
        ssl.putObject("default").put("mode", "preferred");
    }

    private static void verifyMode(ArrayNode options, String mode, String description) {
        ObjectNode option = option(options, "mode", mode, mode, description);
        ((ArrayNode) option.get("required")).add("ca_certificate");
        ObjectNode p = (ObjectNode) option.get("properties");
        field(p, "ca_certificate", "string", "CA certificate", 1, "CA certificate (PEM)")
                .put("airbyte_secret", true).put("multiline", true);
        field(p, "client_certificate", "string", "Client certificate", 2, "Client certificate (not supported yet)")
                .put("airbyte_secret", true).put("multiline", true);
        field(p, "client_key", "string", "Client key", 3, "Client key (not supported yet)")
                .put("airbyte_secret", true).put("multiline", true);
        field(p, "client_key_password", "string", "Client key password", 4,
                "Password for keystorage (not supported yet).").put("airbyte_secret", true);
    }

    /** STANDARD (cursor queries, the default) or CDC (the binlog). */
    private static void replicationMethods(ObjectNode method) {
        method.put("title", "Update Method");
        method.put("description", "Configures how data is extracted from the database.");
        method.put("type", "object");
        method.put("order", 8);
        ArrayNode options = method.putArray("oneOf");
        ObjectNode cdc = option(options, "method", "CDC", "Read Changes using Binary Log (CDC)",
                "Incrementally reads new inserts, updates, and deletes using the MySQL binary log. This must be "
                        + "enabled on your database (log_bin ON, binlog_format ROW, binlog_row_image FULL).");
        ObjectNode p = (ObjectNode) cdc.get("properties");
        field(p, "initial_waiting_seconds", "integer", "Initial Waiting Time in Seconds (Advanced)", 1,
                "The amount of time the connector will wait when it launches to determine if there is new data "
                        + "to sync or not.").put("minimum", 120).put("maximum", 1200).put("default", 300);
        field(p, "server_time_zone", "string", "Configured server timezone for the MySQL source (Advanced)", 2,
                "Enter the configured MySQL server timezone. This should only be done if the configured timezone "
                        + "in your MySQL instance does not conform to IANNA standard.");
        field(p, "server_id", "integer", "Server ID (Advanced)", 3,
                "The replica server id the connector announces when it reads the binary log; it must differ from "
                        + "the server's own and its other replicas' ids. A random id between "
                        + CdcSettings.SERVER_ID_FROM + " and " + CdcSettings.SERVER_ID_TO + " when not set.")
                .put("minimum", 1).put("maximum", 4294967295L);
        option(options, "method", "STANDARD", "Scan Changes with User Defined Cursor",
                "Incrementally detects new inserts and updates using the cursor column chosen when configuring "
                        + "a connection (e.g. created_at, updated_at).");
        method.putObject("default").put("method", "STANDARD");
    }
}
