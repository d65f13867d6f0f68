package io.sluice.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import org.junit.jupiter.api.Test;

class ManifestResolverTest {

    private static JsonNode yaml(String text) {
        return SourceConfig.parseYaml(text, "test");
    }

    @Test
    void refsResolveWithSiblingOverridesAndParametersFlowDown() {
        ObjectNode resolved = ManifestResolver.resolve(yaml("""
                version: 6.0.0
                type: DeclarativeSource
                definitions:
                  requester:
                    type: HttpRequester
                    url_base: https://api.example.com
                    http_method: GET
                  base_stream:
                    retriever:
                      requester:
                        $ref: "#/definitions/requester"
                        http_method: POST
                      record_selector:
                        extractor:
                          field_path: ["{{ parameters.data_key }}"]
                streams:
                  - $ref: "#/definitions/base_stream"
                    $parameters:
                      name: customers
                      path: /customers
                      data_key: data
                """));
        JsonNode stream = resolved.at("/streams/0");
        assertThat(stream.path("type").asText()).isEqualTo("DeclarativeStream");
        assertThat(stream.path("name").asText()).as("parameter fills the stream's name").isEqualTo("customers");
        JsonNode requester = stream.at("/retriever/requester");
        assertThat(requester.path("type").asText()).isEqualTo("HttpRequester");
        assertThat(requester.path("url_base").asText()).isEqualTo("https://api.example.com");
        assertThat(requester.path("http_method").asText()).as("sibling overrides the reference").isEqualTo("POST");
        assertThat(requester.path("path").asText()).as("parameter reaches a nested component").isEqualTo("/customers");
        assertThat(stream.at("/retriever/type").asText()).isEqualTo("SimpleRetriever");
        assertThat(stream.at("/retriever/record_selector/extractor/type").asText()).isEqualTo("DpathExtractor");
        assertThat(stream.at("/retriever/record_selector/extractor/$parameters/data_key").asText()).isEqualTo("data");
    }

    @Test
    void childParametersWinAndJsonSchemasAreLeftAlone() {
        ObjectNode resolved = ManifestResolver.resolve(yaml("""
                streams:
                  - type: DeclarativeStream
                    $parameters: {name: outer, path: /outer}
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "http://x", $parameters: {path: /inner}}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                    schema_loader:
                      type: InlineSchemaLoader
                      schema: {type: object, properties: {id: {type: integer}}}
                """));
        assertThat(resolved.at("/streams/0/retriever/requester/path").asText()).isEqualTo("/inner");
        assertThat(resolved.at("/streams/0/schema_loader/schema").toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}");
    }

    @Test
    void badReferenceNamesItsPath() {
        assertThatThrownBy(() -> ManifestResolver.resolve(yaml("""
                definitions: {a: {type: HttpRequester}}
                streams:
                  - name: s
                    retriever:
                      requester: {$ref: "#/definitions/nope"}
                """)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("streams[0].retriever.requester")
                .hasMessageContaining("#/definitions/nope")
                .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(FailureKind.CONFIG));
    }

    @Test
    void circularReferenceIsRefused() {
        assertThatThrownBy(() -> ManifestResolver.resolve(yaml("""
                definitions:
                  a: {$ref: "#/definitions/b"}
                  b: {$ref: "#/definitions/a"}
                streams: [{$ref: "#/definitions/a"}]
                """))).hasMessageContaining("circular reference");
    }

    @Test
    void olderStarRefSyntaxResolves() {
        ObjectNode resolved = ManifestResolver.resolve(yaml("""
                definitions:
                  url: "https://api.example.com"
                streams:
                  - name: s
                    retriever:
                      requester: {url_base: "*ref(definitions.url)"}
                """));
        assertThat(resolved.at("/streams/0/retriever/requester/url_base").asText()).isEqualTo("https://api.example.com");
    }
}
