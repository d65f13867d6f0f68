package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Secrets;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.MessageCodec;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {

    private static ObjectNode minimal() {
        return MessageCodec.mapper().createObjectNode().put("host", "db.example").put("port", 5433)
                .put("database", "shop").put("username", "reader");
    }

    @Test
    void airbyteConfigsParseWithDefaults() throws Exception {
        ObjectNode airbyte = (ObjectNode) MessageCodec.mapper().readTree("""
                {"host": "db.example", "port": 5432, "database": "shop", "username": "reader", "password": "pw",
                 "schemas": ["public", "sales"], "jdbc_url_params": "a=1&b=2",
                 "ssl_mode": {"mode": "require"}, "replication_method": {"method": "Standard"}}
                """);
        PostgresConfig config = PostgresConfig.from(airbyte);
        assertThat(config.schemas()).containsExactly("public", "sales");
        assertThat(config.sslMode()).isEqualTo("require");
        assertThat(config.password().orElseThrow().reveal()).isEqualTo("pw");
        assertThat(config.toString()).doesNotContain("pw\"").doesNotContain("=pw,");

        PostgresConfig defaults = PostgresConfig.from(minimal().put("port", 5432));
        assertThat(defaults.schemas()).containsExactly("public");
        assertThat(defaults.sslMode()).isEqualTo("prefer");
        assertThat(defaults.password()).isEmpty();
        assertThat(defaults.parallelism()).isEqualTo(PostgresConfig.defaultParallelism(
                Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void badFieldsAreNamed() {
        assertThat(PostgresConfig.validate(minimal().put("port", "x"))).extracting(ConfigError::field).contains("port");
        assertThat(PostgresConfig.validate(minimal().without("host"))).isNotEmpty();
        ObjectNode badMethod = minimal();
        badMethod.putObject("replication_method").put("method", "Xmin");
        assertThat(PostgresConfig.validate(badMethod)).isNotEmpty();
        ObjectNode verify = minimal();
        verify.putObject("ssl_mode").put("mode", "verify-ca");
        assertThat(PostgresConfig.validate(verify)).extracting(ConfigError::field).anyMatch(f -> f.startsWith("ssl_mode"));
        assertThatThrownBy(() -> PostgresConfig.from(minimal().put("port", -1)))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("port");
    }

    @Test
    void secretsAreMarkedInTheSpec() {
        assertThat(Secrets.secretPaths(PostgresSpec.schema())).contains("password", "ssl_mode.ca_certificate");
    }

    @Test
    void checkReportsAnInvalidConfigWithoutThrowing() {
        ConnectionStatus status = new PostgresSource().check(minimal().put("port", "x"));
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message()).hasValueSatisfying(m -> assertThat(m).contains("port"));
    }

    @Test
    void connectFailuresInPlainWords() {
        PostgresConfig config = PostgresConfig.from(minimal());
        assertThat(ConnectFailures.describe(new SQLException("x", "28P01"), config))
                .isEqualTo("password authentication failed for user \"reader\"");
        assertThat(ConnectFailures.describe(new SQLException("x", "3D000"), config))
                .isEqualTo("database \"shop\" does not exist");
        assertThat(ConnectFailures.describe(new SQLException("x", "08001", new ConnectException("refused")), config))
                .isEqualTo("Connection refused at db.example:5433");
        assertThat(ConnectFailures.describe(new SQLException("The connection attempt timed out.", "08001"), config))
                .startsWith("Failed to connect to source: Connection timeout");
    }

    @Test
    void rangesCoverEveryPageOnceAndTheLastIsOpen() {
        List<String> ranges = ChunkedRead.ranges(10, 4);
        assertThat(ranges).containsExactly(
                "ctid >= '(0,0)'::tid AND ctid < '(3,0)'::tid",
                "ctid >= '(3,0)'::tid AND ctid < '(6,0)'::tid",
                "ctid >= '(6,0)'::tid AND ctid < '(9,0)'::tid",
                "ctid >= '(9,0)'::tid");
        assertThat(ChunkedRead.ranges(0, 4)).containsExactly("ctid >= '(0,0)'::tid");
        assertThat(PostgresConfig.defaultParallelism(2)).isEqualTo(1);
        assertThat(PostgresConfig.defaultParallelism(16)).isEqualTo(4);
    }
}
