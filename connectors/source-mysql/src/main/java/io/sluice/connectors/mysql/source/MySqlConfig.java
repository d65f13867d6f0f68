package io.sluice.connectors.mysql.source;

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
 * A source-mysql config in Airbyte's field names, defaults filled in.
 *
 * @param sslMode one of disabled, preferred, required, verify_ca, verify_identity
 * @param cdc the binlog settings with {@code replication_method: {method: CDC}}, empty for STANDARD
 */
record MySqlConfig(String host, int port, String database, String username, Optional<Secret> password,
        String jdbcUrlParams, String sslMode, Optional<Secret> caCertificate, Optional<CdcSettings> cdc) {
    static final int DEFAULT_PORT = 3306;

    MySqlConfig {
        requireNonNull(host, "host");
        requireNonNull(database, "database");
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        requireNonNull(jdbcUrlParams, "jdbcUrlParams");
        requireNonNull(sslMode, "sslMode");
        requireNonNull(caCertificate, "caCertificate");
        requireNonNull(cdc, "cdc");
    }

    /** The config's problems against the spec and what Sluice supports; empty when usable. */
    static List<ConfigError> validate(JsonNode config) {
        if (config == null || !config.isObject()) {
            return List.of(new ConfigError("", "must be a JSON object"));
        }
        List<ConfigError> problems = new ArrayList<>(ConfigValidator.validate(MySqlSpec.schema(), config));
        if (!problems.isEmpty()) {
            return problems;
        }
        problems.addAll(CdcSettings.validate(config));
        String mode = config.path("ssl_mode").path("mode").asText("preferred");
        if (CdcSettings.requested(config) && mode.startsWith("verify")) {
            problems.add(new ConfigError("ssl_mode.mode", "\"" + mode + "\" is not supported with CDC yet (the binlog "
                    + "reader cannot verify the server certificate); use \"required\""));
        }
        JsonNode ssl = config.path("ssl_mode");
        for (String unsupported : List.of("client_certificate", "client_key")) {
            if (!ssl.path(unsupported).asText("").isEmpty()) {
                problems.add(new ConfigError("ssl_mode." + unsupported, "is not supported yet; remove it"));
            }
        }
        return problems;
    }

    /** @throws ConnectorException (CONFIG) naming each field at fault */
    static MySqlConfig from(JsonNode config) {
        List<ConfigError> problems = validate(config);
        if (!problems.isEmpty()) {
            throw ConnectorException.config(describe(problems));
        }
        String password = config.path("password").asText("");
        String ca = config.path("ssl_mode").path("ca_certificate").asText("");
        return new MySqlConfig(
                config.get("host").asText(),
                config.path("port").asInt(DEFAULT_PORT),
                config.get("database").asText(),
                config.get("username").asText(),
                password.isEmpty() ? Optional.empty() : Optional.of(Secret.of(password)),
                config.path("jdbc_url_params").asText(""),
                config.path("ssl_mode").path("mode").asText("preferred"),
                ca.isEmpty() ? Optional.empty() : Optional.of(Secret.of(ca)),
                CdcSettings.from(config));
    }

    static String describe(List<ConfigError> problems) {
        return "Invalid source-mysql config: " + String.join("; ", problems.stream().map(ConfigError::toString).toList());
    }
}
