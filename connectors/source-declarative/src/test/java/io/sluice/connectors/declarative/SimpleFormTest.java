package io.sluice.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.MessageCodec;
import org.junit.jupiter.api.Test;

/** The simple form becomes an ordinary manifest. */
class SimpleFormTest {

    private static ObjectNode config(String json) throws Exception {
        return (ObjectNode) MessageCodec.mapper().readTree(json);
    }

    @Test
    void eachAuthenticationTypeBecomesItsAuthenticator() throws Exception {
        String base = "{\"url_base\": \"https://api.example.com\", \"endpoints\": [{\"name\": \"a\", \"path\": \"/a\","
                + " \"records_path\": [\"data\"], \"params\": {\"since\": \"{{ config['start_date'] }}\"}}], \"authentication\": ";
        JsonNode apiKey = SimpleForm.manifest(config(base + "{\"type\": \"API Key\", \"token\": \"k\", \"header\": \"X-Key\"}}"));
        assertThat(apiKey.at("/streams/0/retriever/requester/authenticator/type").asText()).isEqualTo("ApiKeyAuthenticator");
        assertThat(apiKey.at("/streams/0/retriever/requester/authenticator/inject_into/field_name").asText()).isEqualTo("X-Key");
        assertThat(apiKey.at("/streams/0/retriever/requester/request_parameters/since").asText())
                .isEqualTo("{{ config['start_date'] }}");
        assertThat(apiKey.at("/streams/0/retriever/record_selector/extractor/field_path/0").asText()).isEqualTo("data");
        assertThat(SimpleForm.manifest(config(base + "{\"type\": \"basic\", \"username\": \"u\", \"password\": \"p\"}}"))
                .at("/streams/0/retriever/requester/authenticator/type").asText()).isEqualTo("BasicHttpAuthenticator");
        assertThat(SimpleForm.manifest(config(base + "{\"type\": \"None\"}}"))
                .at("/streams/0/retriever/requester/authenticator/type").asText()).isEqualTo("NoAuth");
        assertThatThrownBy(() -> SimpleForm.manifest(config(base + "{\"type\": \"Kerberos\"}}")))
                .hasMessageContaining("authentication.type").hasMessageContaining("Kerberos");
    }

    @Test
    void requestsPerSecondBecomesAnApiBudgetAndTheManifestBuilds() throws Exception {
        ObjectNode config = config("{\"url_base\": \"https://api.example.com\", \"requests_per_second\": 3,"
                + " \"authentication\": {\"type\": \"Bearer Token\", \"token\": \"t-1\"},"
                + " \"endpoints\": [{\"name\": \"a\", \"path\": \"/a\"}, {\"name\": \"b\", \"path\": \"/b\", \"primary_key\": \"id\"}]}");
        JsonNode manifest = SimpleForm.manifest(config);
        assertThat(manifest.at("/api_budget/policies/0/rates/0/limit").asInt()).isEqualTo(3);
        assertThat(manifest.at("/check/stream_names/0").asText()).isEqualTo("a");

        SourceConfig loaded = SourceConfig.load(config);
        assertThat(loaded.secretValues()).contains("t-1");
        LoadedSource source = LoadedSource.build(loaded, RestClient.newHttpClient(), c -> { });
        assertThat(source.streams()).extracting(DeclarativeStream::name).containsExactly("a", "b");
        assertThat(source.stream("b").primaryKey()).containsExactly(java.util.List.of("id"));
    }

    @Test
    void anInjectedManifestMayAlsoBeYamlText() throws Exception {
        ObjectNode config = config("{}");
        config.put(SourceConfig.INJECTED, """
                streams:
                  - name: a
                    retriever:
                      requester: {url_base: "https://api.example.com", path: /a}
                      record_selector: {extractor: {field_path: []}}
                """);
        assertThat(LoadedSource.build(SourceConfig.load(config), RestClient.newHttpClient(), c -> { }).streams())
                .extracting(DeclarativeStream::name).containsExactly("a");
    }
}
