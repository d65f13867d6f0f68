package io.sluice.connectors.postgres.source;

import static io.sluice.cdk.SpecSchema.field;
import static io.sluice.cdk.SpecSchema.option;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.SpecSchema;
import io.sluice.protocol.ConnectorSpecification;

/** The config schema of source-postgres, with the field names of Airbyte's Postgres source. */
final class PostgresSpec {
    static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/sources/postgres";
    private static final ObjectNode SCHEMA = build();

    private PostgresSpec() {}

    static ConnectorSpecification specification() {
        return ConnectorSpecification.ofSource(DOCUMENTATION_URL, schema(), true);
    }

    static ObjectNode schema() {
        return SCHEMA.deepCopy();
    }

    private static ObjectNode build() {
        ObjectNode schema = SpecSchema.object("Postgres Source Spec", "host", "port", "database", "username");
        ObjectNode p = SpecSchema.properties(schema);

        field(p, "host", "string", "Host", 0, "Hostname of the database.");
        field(p, "port", "integer", "Port", 1, "Port of the database.")
                .put("minimum", 0).put("maximum", 65536).put("default", 5432);
        field(p, "database", "string", "Database Name", 2, "Name of the database.");
        ObjectNode schemas = field(p, "schemas", "array", "Schemas", 3,
                "The list of schemas (case sensitive) to sync from. Defaults to public.");
        schemas.putObject("items").put("type", "string");
        schemas.put("minItems", 0).put("uniqueItems", true);
        schemas.putArray("default").add("public");
        field(p, "username", "string", "Username", 4, "Username to access the database.");
        field(p, "password", "string", "Password", 5, "Password associated with the username.")
                .put("airbyte_secret", true);
        field(p, "jdbc_url_params", "string", "JDBC URL Parameters (Advanced)", 6,
                "Additional properties to pass to the JDBC URL string when connecting to the database "
                        + "formatted as 'key=value' pairs separated by the symbol '&'. "
                        + "(example: key1=value1&key2=value2&key3=value3).");
        sslModes(p.putObject("ssl_mode"));
        replicationMethods(p.putObject("replication_method"));
        field(p, "parallelism", "integer", "Parallel Readers (Sluice)", 9,
                "How many connections read one large table at once, in page ranges under one snapshot. "
                        + "1 reads every table on a single connection. Default: half the processors, at most 4 (1 on a "
                        + "2-core machine, where parallel ranges measured no faster than one binary COPY).")
                .put("minimum", 1).put("maximum", 32);
        return schema;
    }

    private static void sslModes(ObjectNode ssl) {
        ssl.put("title", "SSL Modes");
        ssl.put("description", "SSL connection modes.");
        ssl.put("type", "object");
        ssl.put("order", 7);
        ArrayNode options = ssl.putArray("oneOf");
        sslMode(options, "disable", "Disables encryption of communication between Sluice and the source database.");
        sslMode(options, "allow", "Enables encryption only when required by the source database.");
        sslMode(options, "prefer", "Allows unencrypted connection only if the source database does not support "
                + "encryption.");
        sslMode(options, "require", "Always require encryption. If the source database server does not support "
                + "encryption, connection will fail.");
        verifyMode(options, "verify-ca", "Always require encryption and verifies that the source database server "
                + "has a valid SSL certificate.");
        verifyMode(options, "verify-full", "This is the most secure mode. Always require encryption and verifies "
                + "the identity of the source database server.");
        ssl.putObject("default").put("mode", "prefer");
    }

    private static ObjectNode sslMode(ArrayNode options, String mode, String description) {
        return option(options, "mode", mode, mode, description);
    }

    private static void verifyMode(ArrayNode options, String mode, String description) {
        ObjectNode option = sslMode(options, mode, description);
        ((ArrayNode) option.get("required")).add("ca_certificate");
        ObjectNode p = (ObjectNode) option.get("properties");
        field(p, "ca_certificate", "string", "CA Certificate", 1, "CA certificate (PEM)")
                .put("airbyte_secret", true).put("multiline", true);
        field(p, "client_certificate", "string", "Client Certificate", 2, "Client certificate (not supported yet)")
                .put("airbyte_secret", false).put("multiline", true);
        field(p, "client_key", "string", "Client Key", 3, "Client key (not supported yet)")
                .put("airbyte_secret", true).put("multiline", true);
        field(p, "client_key_password", "string", "Client key password", 4,
                "Password for keystorage. If you do not add it - the password will be generated automatically.")
                .put("airbyte_secret", true);
    }

    /** Standard (cursor queries) or CDC (logical replication through a slot and a publication). */
    private static void replicationMethods(ObjectNode method) {
        method.put("title", "Update Method");
        method.put("description", "Configures how data is extracted from the database.");
        method.put("type", "object");
        method.put("order", 8);
        ArrayNode options = method.putArray("oneOf");
        option(options, "method", "Standard", "Scan Changes with User Defined Cursor",
                "Incrementally detects new inserts and updates using the cursor column chosen when configuring a "
                        + "connection (e.g. created_at, updated_at).");
        cdcMethod(option(options, "method", "CDC", "Read Changes using Write-Ahead Log (CDC)",
                "Reads inserts, updates and deletes from the write-ahead log through logical replication "
                        + "(pgoutput). Needs wal_level = logical, a replication slot, a publication and the "
                        + "REPLICATION privilege."));
        method.putObject("default").put("method", "Standard");
    }

    private static void cdcMethod(ObjectNode option) {
        ((ArrayNode) option.get("required")).add("replication_slot").add("publication");
        ObjectNode p = (ObjectNode) option.get("properties");
        field(p, "plugin", "string", "Plugin", 1, "The logical decoding plugin; only pgoutput is supported.")
                .put("default", "pgoutput").putArray("enum").add("pgoutput");
        field(p, "replication_slot", "string", "Replication Slot", 2,
                "A logical replication slot created for this source with the pgoutput plugin, e.g. "
                        + "SELECT pg_create_logical_replication_slot('sluice_slot', 'pgoutput').");
        field(p, "publication", "string", "Publication", 3,
                "A publication of the tables to replicate, e.g. CREATE PUBLICATION sluice_publication FOR TABLE t1, t2.");
        field(p, "initial_waiting_seconds", "integer", "Initial Waiting Time in Seconds (Advanced)", 4,
                "How long a sync waits for changes to arrive before it ends having read none.")
                .put("default", CdcSettings.DEFAULT_WAITING_SECONDS).put("minimum", 1).put("maximum", 2400);
        field(p, "lsn_commit_behaviour", "string", "LSN commit behaviour", 5,
                "When the replication slot's confirmed position advances: while the changes are read (frees WAL "
                        + "sooner; a failed sync may lose the changes read but not loaded), or after the destination "
                        + "has loaded them (at the start of the next sync; nothing is lost).")
                .put("default", CdcSettings.LsnCommit.AFTER_LOADING.label)
                .putArray("enum").add(CdcSettings.LsnCommit.WHILE_READING.label)
                .add(CdcSettings.LsnCommit.AFTER_LOADING.label);
    }
}
