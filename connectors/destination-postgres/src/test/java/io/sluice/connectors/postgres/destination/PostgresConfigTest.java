package io.sluice.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {

    private static ObjectNode airbyteConfig() {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("host", "db.example.com");
        config.put("port", 6543);
        config.put("database", "warehouse");
        config.put("schema", "Landing Zone");
        config.put("username", "loader");
        config.put("password", "s3cret");
        config.putObject("ssl_mode").put("mode", "require");
        config.put("jdbc_url_params", "connectTimeout=5");
        return config;
    }

    @Test
    void readsAirbytesFieldNamesWithDefaults() {
        PostgresConfig config = PostgresConfig.from(airbyteConfig());

        assertThat(config.schema()).isEqualTo("landing_zone");
        assertThat(config.sslMode()).isEqualTo("require");
        assertThat(config.password().orElseThrow().reveal()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.normalize()).isTrue();
        assertThat(config.rawTables()).isTrue();
        assertThat(config.copyFormat()).isEqualTo(PostgresConfig.CopyFormat.BINARY);
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/warehouse?connectTimeout=5");
        ObjectNode minimal = airbyteConfig();
        minimal.remove("port");
        minimal.remove("schema");
        minimal.remove("ssl_mode");
        assertThat(PostgresConfig.from(minimal)).satisfies(c -> {
            assertThat(c.port()).isEqualTo(5432);
            assertThat(c.schema()).isEqualTo("public");
            assertThat(c.sslMode()).isEqualTo("prefer");
        });
    }

    @Test
    void theSpecAcceptsAnAirbyteConfigAndMarksThePasswordSecret() {
        ObjectNode spec = PostgresSpec.schema();

        assertThat(ConfigValidator.validate(spec, airbyteConfig())).isEmpty();
        assertThat(spec.at("/properties/password/airbyte_secret").asBoolean()).isTrue();
        assertThat(spec.at("/properties/ssl_mode/oneOf")).hasSize(6);
    }

    @Test
    void badFieldsAreConfigErrorsNamingTheField() {
        assertThatThrownBy(() -> PostgresConfig.from(airbyteConfig().put("port", "x")))
                .isInstanceOf(ConnectorException.class).hasMessageStartingWith("port:")
                .extracting(e -> ((ConnectorException) e).kind()).isEqualTo(FailureKind.CONFIG);
        ObjectNode badSsl = airbyteConfig();
        badSsl.putObject("ssl_mode").put("mode", "verify-full");
        assertThatThrownBy(() -> PostgresConfig.from(badSsl)).hasMessageStartingWith("ssl_mode.ca_certificate:");
        assertThatThrownBy(() -> PostgresConfig.from(airbyteConfig().put("normalization", "x")))
                .hasMessageStartingWith("normalization:");
    }
}
