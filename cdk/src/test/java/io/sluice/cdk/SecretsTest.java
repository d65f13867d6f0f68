package io.sluice.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SPEC = """
            {"type": "object", "properties": {
              "host": {"type": "string"},
              "password": {"type": "string", "airbyte_secret": true},
              "tunnel_method": {"type": "object", "oneOf": [
                {"properties": {"tunnel_method": {"const": "NO_TUNNEL"}}},
                {"properties": {"tunnel_method": {"const": "SSH_KEY_AUTH"},
                                "ssh_key": {"type": "string", "airbyte_secret": true}}},
                {"properties": {"tunnel_method": {"const": "SSH_PASSWORD_AUTH"},
                                "tunnel_user_password": {"type": "string", "airbyte_secret": true}}}]},
              "credentials": {"type": "object", "properties": {
                "client_id": {"type": "string"},
                "client_secret": {"type": "string", "airbyte_secret": true}}},
              "keys": {"type": "array", "items": {"type": "object", "properties": {
                "name": {"type": "string"}, "token": {"type": "string", "airbyte_secret": true}}}},
              "port": {"type": "integer", "airbyte_secret": false}}}
            """;

    private static ObjectNode spec() throws Exception {
        return (ObjectNode) JSON.readTree(SPEC);
    }

    @Test
    void masksEverySecretWhereverItIs() throws Exception {
        JsonNode config = JSON.readTree("""
                {"host": "db", "password": "hunter2", "port": 5432,
                 "tunnel_method": {"tunnel_method": "SSH_KEY_AUTH", "ssh_key": "-----BEGIN"},
                 "credentials": {"client_id": "id", "client_secret": "s3cr3t"},
                 "keys": [{"name": "a", "token": "t1"}, {"name": "b", "token": "t2"}],
                 "extra": "kept"}
                """);
        String before = config.toString();

        JsonNode masked = Secrets.mask(spec(), config);

        assertThat(masked).isEqualTo(JSON.readTree("""
                {"host": "db", "password": "**********", "port": 5432,
                 "tunnel_method": {"tunnel_method": "SSH_KEY_AUTH", "ssh_key": "**********"},
                 "credentials": {"client_id": "id", "client_secret": "**********"},
                 "keys": [{"name": "a", "token": "**********"}, {"name": "b", "token": "**********"}],
                 "extra": "kept"}
                """));
        assertThat(config.toString()).as("the input is not changed").isEqualTo(before);
        assertThat(masked.toString()).doesNotContain("hunter2", "BEGIN", "s3cr3t", "t1", "t2");
    }

    @Test
    void leavesNullAndAbsentSecretsAlone() throws Exception {
        JsonNode masked = Secrets.mask(spec(), JSON.readTree("{\"host\": \"db\", \"password\": null}"));

        assertThat(masked).isEqualTo(JSON.readTree("{\"host\": \"db\", \"password\": null}"));
    }

    @Test
    void masksNonStringSecretsToo() throws Exception {
        JsonNode masked = Secrets.mask(spec(), JSON.readTree("{\"credentials\": {\"client_secret\": {\"k\": 1}}}"));

        assertThat(masked.at("/credentials/client_secret").asText()).isEqualTo("**********");
    }

    @Test
    void listsSecretPaths() throws Exception {
        assertThat(Secrets.secretPaths(spec())).containsExactly(
                "password", "tunnel_method.ssh_key", "tunnel_method.tunnel_user_password",
                "credentials.client_secret");
    }

    @Test
    void secretNeverPrintsItsValue() throws Exception {
        Secret secret = Secret.of("hunter2");

        assertThat(secret).hasToString("**********");
        assertThat("" + secret).doesNotContain("hunter2");
        assertThat(JSON.writeValueAsString(Map.of("password", secret))).isEqualTo("{\"password\":\"**********\"}");
        assertThat(secret.reveal()).isEqualTo("hunter2");
        assertThat(JSON.readValue("\"abc\"", Secret.class).reveal()).isEqualTo("abc");
        assertThat(secret).isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("other"));
    }
}
