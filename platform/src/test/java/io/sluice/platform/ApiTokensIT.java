package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api_tokens/create|list|delete} with auth required: the list names tokens but never gives one away. */
class ApiTokensIT {

    @Test
    void listedTokensCarryNoSecretAndDeletedOnesStopWorking(@TempDir Path dir) {
        try (SluiceServer server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of())
                .withDataDir(dir.resolve("data")).withPorts(0, 0).withAuthRequired(true))) {
            ApiClient anonymous = new ApiClient(server.apiPort());
            assertThat(anonymous.post("/api/v1/api_tokens/list", "{}").status()).isEqualTo(401);
            ApiClient admin = anonymous.withAuthorization("Basic " + Base64.getEncoder()
                    .encodeToString("airbyte@example.com:password".getBytes(StandardCharsets.UTF_8)));
            assertThat(admin.ok("/api/v1/api_tokens/list", "{}").path("apiTokens").size()).isZero();

            long before = Instant.now().getEpochSecond();
            JsonNode ci = admin.ok("/api/v1/api_tokens/create", "{\"name\": \"ci\"}");
            JsonNode grafana = admin.ok("/api/v1/api_tokens/create", "{\"name\": \"grafana\"}");
            ApiClient.Response list = admin.post("/api/v1/api_tokens/list", "{}");
            assertThat(list.status()).isEqualTo(200);
            JsonNode tokens = list.json().path("apiTokens");
            assertThat(tokens).hasSize(2);
            assertThat(tokens.get(0).path("tokenId").asText()).isEqualTo(ci.path("tokenId").asText());
            assertThat(tokens.get(0).path("name").asText()).isEqualTo("ci");
            assertThat(tokens.get(1).path("name").asText()).isEqualTo("grafana");
            assertThat(tokens.get(0).path("createdAt").asLong()).isBetween(before, Instant.now().getEpochSecond());
            assertThat(iterable(tokens.get(0).fieldNames())).containsExactly("tokenId", "name", "createdAt");
            List<String> hashes = server.database().jdbi().withHandle(h ->
                    h.createQuery("select token_hash from api_token").mapTo(String.class).list());
            assertThat(list.text()).doesNotContain(ci.path("token").asText(), grafana.path("token").asText())
                    .doesNotContain(hashes.get(0), hashes.get(1)).doesNotContain("sluice_");

            ApiClient bearer = anonymous.withAuthorization("Bearer " + ci.path("token").asText());
            assertThat(bearer.ok("/api/v1/api_tokens/list", "{}").path("apiTokens")).hasSize(2);
            assertThat(admin.post("/api/v1/api_tokens/delete", "{\"tokenId\": \"" + ci.path("tokenId").asText()
                    + "\"}").status()).isEqualTo(204);
            assertThat(bearer.post("/api/v1/workspaces/list", "{}").status()).isEqualTo(401);
            JsonNode left = admin.ok("/api/v1/api_tokens/list", "{}").path("apiTokens");
            assertThat(left).hasSize(1);
            assertThat(left.get(0).path("name").asText()).isEqualTo("grafana");
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> result = new java.util.ArrayList<>();
        names.forEachRemaining(result::add);
        return result;
    }
}
