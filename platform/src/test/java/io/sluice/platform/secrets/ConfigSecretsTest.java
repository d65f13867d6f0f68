package io.sluice.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ConfigSecretsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConfigSecrets secrets = new ConfigSecrets(new SecretCipher(key()));

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static ObjectNode spec() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"type": "object", "properties": {
                  "host": {"type": "string"},
                  "password": {"type": "string", "airbyte_secret": true},
                  "tunnel": {"oneOf": [
                    {"properties": {"method": {"const": "KEY"}, "ssh_key": {"type": "string", "airbyte_secret": true}}},
                    {"properties": {"method": {"const": "NONE"}}}]}}}""");
    }

    @Test
    void encryptsOnlySecretsAndDecryptsThemBack() throws Exception {
        JsonNode config = JSON.readTree("""
                {"host": "db", "password": "pw1", "tunnel": {"method": "KEY", "ssh_key": "-----KEY-----"}}""");
        JsonNode stored = secrets.encrypt(spec(), config);
        assertThat(stored.path("host").asText()).isEqualTo("db");
        assertThat(stored.path("password").asText()).startsWith(SecretCipher.PREFIX);
        assertThat(stored.path("tunnel").path("ssh_key").asText()).startsWith(SecretCipher.PREFIX);
        assertThat(stored.toString()).doesNotContain("pw1").doesNotContain("-----KEY-----");
        assertThat(secrets.decrypt(stored)).isEqualTo(config);
        assertThat(secrets.encrypt(spec(), stored)).as("encrypting twice changes nothing").isEqualTo(stored);
    }

    @Test
    void masksSecretsAndKeepsStoredValuesWhenTheMaskComesBack() throws Exception {
        JsonNode stored = secrets.encrypt(spec(), JSON.readTree("""
                {"host": "db", "password": "pw1", "tunnel": {"method": "KEY", "ssh_key": "k"}}"""));
        JsonNode masked = secrets.mask(spec(), stored);
        assertThat(masked.path("password").asText()).isEqualTo("**********");
        assertThat(masked.path("tunnel").path("ssh_key").asText()).isEqualTo("**********");
        JsonNode update = JSON.readTree("""
                {"host": "db2", "password": "**********", "tunnel": {"method": "KEY", "ssh_key": "new"}}""");
        JsonNode merged = secrets.keepMasked(spec(), update, secrets.decrypt(stored));
        assertThat(merged.path("password").asText()).isEqualTo("pw1");
        assertThat(merged.path("tunnel").path("ssh_key").asText()).isEqualTo("new");
        assertThat(merged.path("host").asText()).isEqualTo("db2");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = new SecretCipher(key()).encrypt("value");
        assertThatThrownBy(() -> new SecretCipher(key()).decrypt(sealed)).hasMessageContaining("secret key changed");
    }
}
