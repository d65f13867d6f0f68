package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source-postgres config in Airbyte's field names, defaults filled in.
 *
 * @param sslMode one of disable, allow, prefer, require, verify-ca, verify-full
 * @param parallelism connections reading one large table at once (1 = no parallel chunks)
 * @param cdc the logical replication settings when {@code replication_method} is CDC
 */
record PostgresConfig(String host, int port, String database, List<String> schemas, String username,
        Optional<Secret> password, String jdbcUrlParams, String sslMode, Optional<Secret> caCertificate,
        int parallelism, Optional<CdcSettings> cdc) {
    static final int DEFAULT_PORT = 5432;

    PostgresConfig {
        requireNonNull(host, "host");
        requireNonNull(database, "database");
        schemas = List.copyOf(schemas);
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        requireNonNull(jdbcUrlParams, "jdbcUrlParams");
        requireNonNull(sslMode, "sslMode");
        requireNonNull(caCertificate, "caCertificate");
        requireNonNull(cdc, "cdc");
    }

    /** The config's problems against the spec; empty when usable. */
    static List<ConfigError> validate(JsonNode config) {
        if (config == null || !config.isObject()) {
            return List.of(new ConfigError("", "must be a JSON object"));
        }
        List<ConfigError> problems = new ArrayList<>(ConfigValidator.validate(PostgresSpec.schema(), config));
        JsonNode ssl = config.path("ssl_mode");
        if (problems.isEmpty() && ssl.hasNonNull("client_certificate") && !ssl.path("client_certificate").asText().isEmpty()) {
            problems.add(new ConfigError("ssl_mode.client_certificate", "is not supported yet; remove it"));
        }
        return problems;
    }

    /** @throws ConnectorException (CONFIG) naming each field at fault */
    static PostgresConfig from(JsonNode config) {
        List<ConfigError> problems = validate(config);
        if (!problems.isEmpty()) {
            throw ConnectorException.config(describe(problems));
        }
        List<String> schemas = new ArrayList<>();
        config.path("schemas").forEach(s -> schemas.add(s.asText()));
        if (schemas.isEmpty()) {
            schemas.add("public");
        }
        JsonNode ssl = config.path("ssl_mode");
        String password = config.path("password").asText("");
        String ca = ssl.path("ca_certificate").asText("");
        int cores = Runtime.getRuntime().availableProcessors();
        return new PostgresConfig(
                config.get("host").asText(),
                config.path("port").asInt(DEFAULT_PORT),
                config.get("database").asText(),
                schemas,
                config.get("username").asText(),
                password.isEmpty() ? Optional.empty() : Optional.of(Secret.of(password)),
                config.path("jdbc_url_params").asText(""),
                ssl.path("mode").asText("prefer"),
                ca.isEmpty() ? Optional.empty() : Optional.of(Secret.of(ca)),
                config.path("parallelism").asInt(defaultParallelism(cores)),
                CdcSettings.from(config));
    }

    /**
     * Half the processors, at most 4: the database backends and the JVM share the machine. On 2
     * cores parallel ranges did not beat one binary COPY (10M rows: about 5.0-5.7 s with 2
     * connections, 4.8-7.2 s with 4, against 5.2-5.4 s with one), so there they stay off.
     */
    static int defaultParallelism(int cores) {
        return Math.max(1, Math.min(4, cores / 2));
    }

    static String describe(List<ConfigError> problems) {
        return "Invalid source-postgres config: "
                + String.join("; ", problems.stream().map(ConfigError::toString).toList());
    }
}
