package io.sluice.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.protocol.ConnectionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad manifests and configs are refused before any request, naming the YAML path or the field. */
class ManifestErrorsTest {
    @TempDir
    Path dir;

    private static final String STREAM = """
            version: 6.0.0
            type: DeclarativeSource
            spec:
              type: Spec
              connection_specification:
                type: object
                required: [api_key, start_date]
                properties:
                  api_key: {type: string, airbyte_secret: true}
                  start_date: {type: string, pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
            streams:
              - type: DeclarativeStream
                name: items
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "http://127.0.0.1:9"
                    path: %s
                    authenticator: %s
                  paginator: %s
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
            """;

    private static String manifest(String path, String authenticator, String paginator) {
        return STREAM.formatted(path, authenticator, paginator);
    }

    private static final String VALID_FIELDS = "{\"api_key\": \"key-abc-123\", \"start_date\": \"2024-01-01\"}";

    private static ConnectorException discoverFails(ObjectNode config) {
        try {
            new DeclarativeSource().discover(config);
        } catch (ConnectorException e) {
            return e;
        }
        throw new AssertionError("discover accepted the config");
    }

    @Test
    void unknownComponentTypeNamesItsPath() {
        ConnectorException e = discoverFails(Manifests.config(manifest("/items", "{type: NoAuth}",
                "{type: DefaultPaginator, pagination_strategy: {type: TelepathicPagination}}"), VALID_FIELDS));
        assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(e.getMessage()).contains("streams[0].retriever.paginator.pagination_strategy")
                .contains("unknown component type 'TelepathicPagination'").contains("CursorPagination");
    }

    @Test
    void unknownAuthenticatorNamesItsPath() {
        assertThat(discoverFails(Manifests.config(manifest("/items", "{type: MagicAuth}", "{type: NoPagination}"),
                VALID_FIELDS)).getMessage()).contains("streams[0].retriever.requester.authenticator")
                .contains("'MagicAuth'");
    }

    @Test
    void badTemplateNamesItsPath() {
        assertThat(discoverFails(Manifests.config(manifest("\"/items/{{ config['id' }}\"", "{type: NoAuth}",
                "{type: NoPagination}"), VALID_FIELDS)).getMessage())
                .contains("streams[0].retriever.requester.path").contains("bad template");
    }

    @Test
    void badReferenceNamesItsPath() {
        String manifest = manifest("/items", "{$ref: \"#/definitions/auth\"}", "{type: NoPagination}");
        assertThat(discoverFails(Manifests.config(manifest, VALID_FIELDS)).getMessage())
                .contains("streams[0].retriever.requester.authenticator").contains("#/definitions/auth");
    }

    @Test
    void missingRequiredFieldNamesItsPath() {
        String manifest = manifest("/items", "{type: BearerAuthenticator}", "{type: NoPagination}");
        assertThat(discoverFails(Manifests.config(manifest, VALID_FIELDS)).getMessage())
                .contains("streams[0].retriever.requester.authenticator.api_token").contains("is required");
    }

    @Test
    void configIsCheckedAgainstTheManifestSpecAndSecretsNeverShow() {
        String manifest = manifest("/items", "{type: BearerAuthenticator, api_token: \"{{ config['api_key'] }}\"}",
                "{type: NoPagination}");
        ConnectorException e = discoverFails(Manifests.config(manifest, "{\"api_key\": \"key-abc-123\", \"start_date\": \"Jan 1\"}"));
        assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(e.getMessage()).contains("start_date").doesNotContain("key-abc-123");
        assertThat(discoverFails(Manifests.config(manifest, "{\"start_date\": \"2024-01-01\"}")).getMessage()).contains("api_key");

        ConnectionStatus status = new DeclarativeSource().check(
                Manifests.config(manifest, "{\"api_key\": \"key-abc-123\", \"start_date\": 20240101}"));
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message().orElseThrow()).contains("start_date").doesNotContain("key-abc-123");
    }

    @Test
    void aConfigWithoutManifestSaysWhatIsNeeded() {
        assertThatThrownBy(() -> new DeclarativeSource().discover(Manifests.config("type: DeclarativeSource").without(SourceConfig.INJECTED)))
                .hasMessageContaining("__injected_declarative_manifest").hasMessageContaining("manifest_path");
    }

    @Test
    void manifestPathWithBadYamlNamesTheLine() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "version: 6.0.0\nstreams:\n  - name: a\n   retriever: [\n");
        ObjectNode config = io.sluice.protocol.MessageCodec.mapper().createObjectNode().put("manifest_path", file.toString());
        assertThatThrownBy(() -> new DeclarativeSource().discover(config))
                .hasMessageContaining("manifest_path").hasMessageContaining("not valid YAML").hasMessageContaining("line 4");
    }
}
