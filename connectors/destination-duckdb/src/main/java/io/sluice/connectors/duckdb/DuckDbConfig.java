package io.sluice.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The destination's settings, with Airbyte's field names ({@code destination_path}, {@code schema})
 * plus Sluice's {@code normalization} and {@code raw_tables} switches.
 *
 * @param file the database file, absolute (a relative path resolves against the working directory)
 * @param schema the schema for streams without a namespace, sanitised
 * @param normalize whether Basic normalization writes typed tables
 * @param rawTables whether {@code _airbyte_raw_<stream>} tables are written
 * @param softCdcDeletes {@code cdc_deletion_mode} "Soft delete": in append_dedup, a row deleted at the
 *     source stays with {@code _ab_cdc_deleted_at} set; "Hard delete" (the default, as Airbyte's) removes it
 */
record DuckDbConfig(Path file, String schema, boolean normalize, boolean rawTables, boolean softCdcDeletes) {
    static final String DEFAULT_SCHEMA = "main";
    static final String HARD_DELETE = "Hard delete";
    static final String SOFT_DELETE = "Soft delete";

    DuckDbConfig {
        requireNonNull(file, "file");
        requireNonNull(schema, "schema");
        if (!normalize && !rawTables) {
            throw ConnectorException.config(
                    "raw_tables: with normalization 'none' the raw tables are the only output; set raw_tables to true");
        }
    }

    /** Reads a config; a missing or malformed field is a CONFIG failure naming it. */
    static DuckDbConfig from(JsonNode config) {
        String path = config.path("destination_path").asText("").trim();
        if (path.isEmpty()) {
            throw ConnectorException.config("destination_path: required, the path of the .duckdb file");
        }
        Path file;
        try {
            file = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw ConnectorException.config("destination_path: not a valid file path");
        }
        String schema = config.path("schema").asText("").trim();
        String normalization = config.path("normalization").asText("basic").trim();
        if (!normalization.equals("basic") && !normalization.equals("none")) {
            throw ConnectorException.config("normalization: must be 'basic' or 'none'");
        }
        JsonNode raw = config.path("raw_tables");
        if (!raw.isMissingNode() && !raw.isNull() && !raw.isBoolean()) {
            throw ConnectorException.config("raw_tables: must be true or false");
        }
        String deletion = config.path("cdc_deletion_mode").asText(HARD_DELETE).trim();
        if (!deletion.equals(HARD_DELETE) && !deletion.equals(SOFT_DELETE)) {
            throw ConnectorException.config("cdc_deletion_mode: must be '" + HARD_DELETE + "' or '" + SOFT_DELETE + "'");
        }
        return new DuckDbConfig(file, TableDdl.NAMES.identifier(schema.isEmpty() ? DEFAULT_SCHEMA : schema),
                normalization.equals("basic"), raw.asBoolean(true), deletion.equals(SOFT_DELETE));
    }

    /** The JSON schema of the config, as the spec shows it. */
    static ObjectNode specSchema() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", "Destination DuckDB");
        schema.put("type", "object");
        schema.putArray("required").add("destination_path");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode path = properties.putObject("destination_path");
        path.put("type", "string");
        path.put("title", "Destination DB");
        path.put("description", "Path to the .duckdb file; created with its directories if missing. "
                + "A relative path resolves against the working directory.");
        path.putArray("examples").add("/local/destination.duckdb");
        path.put("order", 0);
        ObjectNode schemaField = properties.putObject("schema");
        schemaField.put("type", "string");
        schemaField.put("title", "Destination Schema");
        schemaField.put("description", "Schema for streams without a namespace.");
        schemaField.put("default", DEFAULT_SCHEMA);
        schemaField.put("order", 1);
        ObjectNode normalization = properties.putObject("normalization");
        normalization.put("type", "string");
        normalization.put("title", "Normalization");
        normalization.put("description", "basic: typed, flattened tables per stream; none: raw JSON tables only.");
        ArrayNode values = normalization.putArray("enum");
        values.add("basic").add("none");
        normalization.put("default", "basic");
        normalization.put("order", 2);
        ObjectNode raw = properties.putObject("raw_tables");
        raw.put("type", "boolean");
        raw.put("title", "Raw tables");
        raw.put("description", "Also keep every record as JSON in _airbyte_raw_<stream>; off is faster.");
        raw.put("default", true);
        raw.put("order", 3);
        ObjectNode deletion = properties.putObject("cdc_deletion_mode");
        deletion.put("type", "string");
        deletion.put("title", "CDC deletion mode");
        deletion.put("description", "Whether rows deleted at a CDC source are removed from the deduplicated table "
                + "(Hard delete) or kept with _ab_cdc_deleted_at set (Soft delete). Defaults to hard deletes, as Airbyte's.");
        deletion.putArray("enum").add(HARD_DELETE).add(SOFT_DELETE);
        deletion.put("default", HARD_DELETE);
        deletion.put("order", 4);
        return schema;
    }
}
