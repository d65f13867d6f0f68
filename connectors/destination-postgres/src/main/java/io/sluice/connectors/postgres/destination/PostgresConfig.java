package io.sluice.connectors.postgres.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Secret;
import io.sluice.cdk.normalization.TableNames;
import java.util.Optional;
import java.util.Set;

/**
 * The destination's settings, with Airbyte's field names ({@code host}, {@code port},
 * {@code database}, {@code schema}, {@code username}, {@code password}, {@code ssl_mode.mode},
 * {@code jdbc_url_params}) plus Sluice's {@code normalization}, {@code raw_tables} and
 * {@code copy_format}.
 *
 * @param schema the schema for streams without a namespace, already an identifier
 * @param sslMode one of pgjdbc's (and Airbyte's) modes: disable, allow, prefer, require, verify-ca, verify-full
 * @param caCertificate the CA certificate (PEM) for verify-ca / verify-full
 * @param softCdcDeletes {@code cdc_deletion_mode} "Soft delete": in append_dedup, a row deleted at the
 *     source stays with {@code _ab_cdc_deleted_at} set; "Hard delete" (the default, as Airbyte's) removes it
 */
record PostgresConfig(String host, int port, String database, String schema, String username,
        Optional<Secret> password, String sslMode, Optional<String> caCertificate, String jdbcUrlParams,
        boolean normalize, boolean rawTables, CopyFormat copyFormat, boolean softCdcDeletes) {

    static final TableNames NAMES = new TableNames(TableNames.POSTGRES_MAX_BYTES);
    static final String DEFAULT_SCHEMA = "public";
    static final String HARD_DELETE = "Hard delete";
    static final String SOFT_DELETE = "Soft delete";
    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** Which COPY format tables are loaded with (a table with a type Sluice cannot encode in binary uses text). */
    enum CopyFormat { BINARY, TEXT }

    PostgresConfig {
        requireNonNull(host, "host");
        requireNonNull(database, "database");
        requireNonNull(schema, "schema");
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        requireNonNull(sslMode, "sslMode");
        requireNonNull(caCertificate, "caCertificate");
        requireNonNull(jdbcUrlParams, "jdbcUrlParams");
        requireNonNull(copyFormat, "copyFormat");
    }

    /** Reads a config; a missing or malformed field is a CONFIG failure naming it. */
    static PostgresConfig from(JsonNode config) {
        String host = required(config, "host");
        String database = required(config, "database");
        String username = required(config, "username");
        JsonNode portNode = config.path("port");
        int port = portNode.isMissingNode() || portNode.isNull() ? 5432 : portNode.asInt(-1);
        if (port < 1 || port > 65535 || !(portNode.isMissingNode() || portNode.isNull() || portNode.canConvertToInt())) {
            throw ConnectorException.config("port: must be a number between 1 and 65535");
        }
        String schema = config.path("schema").asText("").trim();
        JsonNode passwordNode = config.path("password");
        Optional<Secret> password = passwordNode.isTextual() ? Optional.of(Secret.of(passwordNode.asText()))
                : Optional.empty();
        JsonNode ssl = config.path("ssl_mode");
        String sslMode = ssl.path("mode").asText("prefer").trim();
        if (!SSL_MODES.contains(sslMode)) {
            throw ConnectorException.config("ssl_mode.mode: must be one of disable, allow, prefer, require, verify-ca, verify-full");
        }
        Optional<String> ca = Optional.of(ssl.path("ca_certificate").asText("")).filter(s -> !s.isBlank());
        if (sslMode.startsWith("verify") && ca.isEmpty()) {
            throw ConnectorException.config("ssl_mode.ca_certificate: required for " + sslMode);
        }
        String normalization = config.path("normalization").asText("basic").trim();
        if (!normalization.equals("basic") && !normalization.equals("none")) {
            throw ConnectorException.config("normalization: must be 'basic' or 'none'");
        }
        JsonNode raw = config.path("raw_tables");
        if (!raw.isMissingNode() && !raw.isNull() && !raw.isBoolean()) {
            throw ConnectorException.config("raw_tables: must be true or false");
        }
        boolean normalize = normalization.equals("basic");
        if (!normalize && !raw.asBoolean(true)) {
            throw ConnectorException.config(
                    "raw_tables: with normalization 'none' the raw tables are the only output; set raw_tables to true");
        }
        String format = config.path("copy_format").asText("binary").trim();
        if (!format.equals("binary") && !format.equals("text")) {
            throw ConnectorException.config("copy_format: must be 'binary' or 'text'");
        }
        String deletion = config.path("cdc_deletion_mode").asText(HARD_DELETE).trim();
        if (!deletion.equals(HARD_DELETE) && !deletion.equals(SOFT_DELETE)) {
            throw ConnectorException.config("cdc_deletion_mode: must be '" + HARD_DELETE + "' or '" + SOFT_DELETE + "'");
        }
        return new PostgresConfig(host, port, database, NAMES.identifier(schema.isEmpty() ? DEFAULT_SCHEMA : schema),
                username, password, sslMode, ca, config.path("jdbc_url_params").asText("").trim(), normalize,
                raw.asBoolean(true), format.equals("binary") ? CopyFormat.BINARY : CopyFormat.TEXT,
                deletion.equals(SOFT_DELETE));
    }

    private static String required(JsonNode config, String field) {
        String value = config.path(field).asText("").trim();
        if (value.isEmpty()) {
            throw ConnectorException.config(field + ": required");
        }
        return value;
    }

    /** The JDBC URL, without credentials (they go in connection properties). */
    String jdbcUrl() {
        String base = "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return jdbcUrlParams.isEmpty() ? base : base + "?" + jdbcUrlParams;
    }
}
