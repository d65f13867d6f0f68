package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.Secrets;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.MessageCodec;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MySqlConfigTest {

    private static ObjectNode minimal() {
        return MessageCodec.mapper().createObjectNode().put("host", "db.example").put("port", 3307)
                .put("database", "shop").put("username", "reader");
    }

    @Test
    void airbyteConfigsParseWithDefaults() throws Exception {
        ObjectNode airbyte = (ObjectNode) MessageCodec.mapper().readTree("""
                {"host": "db.example", "port": 3306, "database": "shop", "username": "reader", "password": "pw",
                 "jdbc_url_params": "a=1&b=2", "ssl_mode": {"mode": "required"},
                 "replication_method": {"method": "STANDARD"}}
                """);
        MySqlConfig config = MySqlConfig.from(airbyte);
        assertThat(config.sslMode()).isEqualTo("required");
        assertThat(config.password().orElseThrow().reveal()).isEqualTo("pw");
        assertThat(config.jdbcUrlParams()).isEqualTo("a=1&b=2");
        assertThat(config.toString()).doesNotContain("pw\"").doesNotContain("=pw,");

        MySqlConfig defaults = MySqlConfig.from(minimal());
        assertThat(defaults.sslMode()).isEqualTo("preferred");
        assertThat(defaults.port()).isEqualTo(3307);
        assertThat(defaults.password()).isEmpty();
    }

    @Test
    void cdcSettingsAreReadWithAirbyteNamesAndDefaults() {
        ObjectNode cdc = minimal();
        cdc.putObject("replication_method").put("method", "CDC").put("initial_waiting_seconds", 200)
                .put("server_time_zone", "Europe/Berlin").put("server_id", 7001);
        CdcSettings settings = MySqlConfig.from(cdc).cdc().orElseThrow();
        assertThat(settings.serverId()).isEqualTo(7001);
        assertThat(settings.initialWaiting()).hasSeconds(200);
        assertThat(settings.serverTimeZone()).contains(java.time.ZoneId.of("Europe/Berlin"));

        ObjectNode defaults = minimal();
        defaults.putObject("replication_method").put("method", "CDC");
        CdcSettings byDefault = MySqlConfig.from(defaults).cdc().orElseThrow();
        assertThat(byDefault.serverId()).isBetween(5400L, 6400L);
        assertThat(byDefault.initialWaiting()).hasSeconds(300);
        assertThat(MySqlConfig.from(minimal()).cdc()).isEmpty();
    }

    @Test
    void badCdcSettingsNameTheirField() {
        ObjectNode zone = minimal();
        zone.putObject("replication_method").put("method", "CDC").put("server_time_zone", "Mars/Olympus");
        assertThat(MySqlConfig.validate(zone)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("replication_method.server_time_zone");
            assertThat(e.problem()).contains("Mars/Olympus", "not a time zone");
        });
        ObjectNode verify = minimal();
        verify.putObject("replication_method").put("method", "CDC");
        verify.putObject("ssl_mode").put("mode", "verify_ca").put("ca_certificate", "pem");
        assertThatThrownBy(() -> new MySqlSource().discover(verify)).isInstanceOfSatisfying(ConnectorException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).contains("ssl_mode.mode", "not supported with CDC");
                });
    }

    @Test
    void badFieldsAreNamed() {
        assertThat(MySqlConfig.validate(minimal().put("port", "x"))).extracting(ConfigError::field).contains("port");
        assertThat(MySqlConfig.validate(minimal().without("host"))).isNotEmpty();
        ObjectNode badMethod = minimal();
        badMethod.putObject("replication_method").put("method", "Xmin");
        assertThat(MySqlConfig.validate(badMethod)).extracting(ConfigError::field)
                .anyMatch(f -> f.startsWith("replication_method"));
        ObjectNode badSsl = minimal();
        badSsl.putObject("ssl_mode").put("mode", "prefer");
        assertThat(MySqlConfig.validate(badSsl)).extracting(ConfigError::field).anyMatch(f -> f.startsWith("ssl_mode"));
        ObjectNode verify = minimal();
        verify.putObject("ssl_mode").put("mode", "verify_ca");
        assertThat(MySqlConfig.validate(verify)).extracting(ConfigError::field).anyMatch(f -> f.startsWith("ssl_mode"));
        ObjectNode clientCert = minimal();
        clientCert.putObject("ssl_mode").put("mode", "verify_identity").put("ca_certificate", "pem")
                .put("client_certificate", "pem");
        assertThat(MySqlConfig.validate(clientCert)).extracting(ConfigError::field)
                .containsExactly("ssl_mode.client_certificate");
        assertThatThrownBy(() -> MySqlConfig.from(minimal().put("port", -1)))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("port");
    }

    @Test
    void secretsAreMarkedInTheSpec() {
        assertThat(Secrets.secretPaths(MySqlSpec.schema())).contains("password", "ssl_mode.ca_certificate",
                "ssl_mode.client_key");
    }

    @Test
    void checkReportsAnInvalidConfigWithoutThrowing() {
        ConnectionStatus status = new MySqlSource().check(minimal().put("port", "x"));
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message()).hasValueSatisfying(m -> assertThat(m).contains("port"));
    }

    @Test
    void failuresInPlainWordsAndKinds() {
        MySqlConfig config = MySqlConfig.from(minimal());
        SQLException denied = new SQLException("Access denied for user 'reader'@'x'", "28000", 1045);
        assertThat(MySqlFailures.describe(denied, config)).startsWith("Access denied for user \"reader\"");
        SQLException unknownDb = new SQLException("Unknown database 'shop'", "42000", 1049);
        assertThat(MySqlFailures.describe(unknownDb, config)).isEqualTo("database \"shop\" does not exist");
        assertThat(MySqlFailures.kindOf(unknownDb)).isEqualTo(FailureKind.CONFIG);
        SQLException noSelect = new SQLException("SELECT command denied to user", "42000", 1142);
        assertThat(MySqlFailures.describe(noSelect, config)).startsWith("missing SELECT privilege");
        assertThat(MySqlFailures.kindOf(noSelect)).isEqualTo(FailureKind.CONFIG);
        assertThat(MySqlFailures.kindOf(new SQLException("syntax", "42000", 1064))).isEqualTo(FailureKind.SYSTEM);
        assertThat(MySqlFailures.describe(new SQLException("Socket fail", "08000", 0, new ConnectException("x")),
                config)).isEqualTo("Connection refused at db.example:3307");
        assertThat(MySqlFailures.describe(new SQLException("Socket fail", "08000", 0,
                new SocketTimeoutException("connect timed out")), config))
                .isEqualTo("Failed to connect to source: Connection timeout at db.example:3307");
        SQLException noTls = new SQLException("Trying to connect with ssl, but ssl not enabled in the server", "08000");
        assertThat(MySqlFailures.kindOf(noTls)).isEqualTo(FailureKind.CONFIG);
        assertThat(MySqlFailures.describe(noTls, config)).contains("does not offer encrypted connections");
    }
}
