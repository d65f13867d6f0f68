package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ControlMessage;
import io.sluice.protocol.SyncMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each authenticator against a local server: what the server received, and what the connector did with it. */
class AuthenticatorsIT {
    private final ApiServer api = new ApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    private String manifest(String authenticator) {
        return """
                version: 6.0.0
                type: DeclarativeSource
                spec:
                  type: Spec
                  connection_specification:
                    type: object
                    properties:
                      api_key: {type: string, airbyte_secret: true}
                      user: {type: string}
                      password: {type: string, airbyte_secret: true}
                      credentials: {type: object}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: id
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "%s"
                        path: /items
                        authenticator: %s
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: [items]}
                    schema_loader:
                      type: InlineSchemaLoader
                      schema: {type: object, properties: {id: {type: integer}}}
                """.formatted(api.url(), authenticator);
    }

    private void serveItems() {
        api.on("/items", r -> json("{\"items\": [{\"id\": 1}, {\"id\": 2}]}"));
    }

    private RecordedRequest only() {
        List<RecordedRequest> requests = api.requests("/items");
        assertThat(requests).isNotEmpty();
        return requests.getLast();
    }

    @Test
    void bearerSendsTheToken() {
        serveItems();
        var read = Manifests.read(Manifests.config(manifest(
                "{type: BearerAuthenticator, api_token: \"{{ config['api_key'] }}\"}"), "{\"api_key\": \"tok-123\"}"));
        assertThat(read.ids("items")).containsExactly("1", "2");
        assertThat(only().getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void apiKeyInAHeader() {
        serveItems();
        Manifests.read(Manifests.config(manifest("""
                {type: ApiKeyAuthenticator, api_token: "{{ config['api_key'] }}",
                           inject_into: {type: RequestOption, inject_into: header, field_name: X-Api-Key}}"""),
                "{\"api_key\": \"k-9\"}"));
        assertThat(only().getHeaders().get("X-Api-Key")).isEqualTo("k-9");
        assertThat(only().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void apiKeyAsAQueryParameter() {
        serveItems();
        Manifests.read(Manifests.config(manifest("""
                {type: ApiKeyAuthenticator, api_token: "{{ config['api_key'] }}",
                           inject_into: {type: RequestOption, inject_into: request_parameter, field_name: apikey}}"""),
                "{\"api_key\": \"k-10\"}"));
        assertThat(ApiServer.param(only(), "apikey")).isEqualTo("k-10");
    }

    @Test
    void basicSendsUserAndPassword() {
        serveItems();
        Manifests.read(Manifests.config(manifest("""
                {type: BasicHttpAuthenticator, username: "{{ config['user'] }}", password: "{{ config['password'] }}"}"""),
                "{\"user\": \"ann\", \"password\": \"s3cret\"}"));
        assertThat(only().getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noAuthSendsNoCredentials() {
        serveItems();
        Manifests.read(Manifests.config(manifest("{type: NoAuth}")));
        assertThat(only().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void rejectedCredentialsFailTheCheckAsAConfigProblemWithoutTheSecret() {
        api.on("/items", r -> json(401, "{\"error\": \"invalid key tok-bad\"}"));
        ConnectionStatus status = new DeclarativeSource().check(Manifests.config(manifest(
                "{type: BearerAuthenticator, api_token: \"{{ config['api_key'] }}\"}"), "{\"api_key\": \"tok-bad\"}"));
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message().orElseThrow()).contains("401").contains("credentials").doesNotContain("tok-bad")
                .contains("**********");
    }

    @Test
    void oauthRefreshTokenIsRotatedAndTheNewConfigIsEmittedAsControl() {
        AtomicInteger refreshes = new AtomicInteger();
        api.on("/oauth/token", r -> {
            int n = refreshes.incrementAndGet();
            return json("{\"access_token\": \"at-" + n + "\", \"expires_in\": 3600, \"refresh_token\": \"rt-" + (n + 1) + "\"}");
        });
        api.on("/items", r -> r.getHeaders().get("Authorization").equals("Bearer at-1")
                ? json("{\"items\": [{\"id\": 1}]}") : json(401, "{}"));
        ObjectNode config = Manifests.config(manifest("""
                {type: OAuthAuthenticator, token_refresh_endpoint: "%s/oauth/token",
                           client_id: "{{ config['credentials']['client_id'] }}",
                           client_secret: "{{ config['credentials']['client_secret'] }}",
                           refresh_token: "{{ config['credentials']['refresh_token'] }}",
                           scopes: [read, write],
                           refresh_token_updater: {refresh_token_name: refresh_token}}""".formatted(api.url())),
                "{\"credentials\": {\"client_id\": \"cid\", \"client_secret\": \"csecret\", \"refresh_token\": \"rt-1\"}}");
        var read = Manifests.read(config, SyncMode.FULL_REFRESH, InputState.empty());

        assertThat(read.ids("items")).containsExactly("1");
        RecordedRequest token = api.requests("/oauth/token").getLast();
        assertThat(token.getMethod()).isEqualTo("POST");
        String form = ApiServer.body(token);
        assertThat(form).contains("grant_type=refresh_token").contains("client_id=cid")
                .contains("client_secret=csecret").contains("refresh_token=rt-").contains("scopes=read+write");
        List<ControlMessage> controls = read.out().controls();
        assertThat(controls).as("one CONTROL per rotation in the read").isNotEmpty();
        JsonNode persisted = controls.getLast().connectorConfig().orElseThrow().config();
        assertThat(persisted.at("/credentials/refresh_token").asText()).isEqualTo("rt-" + (refreshes.get() + 1));
        assertThat(persisted.at("/credentials/access_token").asText()).isEqualTo("at-" + refreshes.get());
        assertThat(persisted.at("/credentials/client_id").asText()).isEqualTo("cid");
        assertThat(persisted.has(SourceConfig.INJECTED)).as("the whole config goes back").isTrue();
    }

    @Test
    void oauthClientCredentialsGrant() {
        api.on("/token", r -> json("{\"token\": \"cc-1\", \"expires\": 60}"));
        serveItems();
        Manifests.read(Manifests.config(manifest("""
                {type: OAuthAuthenticator, token_refresh_endpoint: "%s/token", grant_type: client_credentials,
                           client_id: app, client_secret: "{{ config['password'] }}",
                           access_token_name: token, expires_in_name: expires}""".formatted(api.url())),
                "{\"password\": \"pw\"}"));
        assertThat(ApiServer.body(api.requests("/token").getLast())).contains("grant_type=client_credentials")
                .doesNotContain("refresh_token");
        assertThat(only().getHeaders().get("Authorization")).isEqualTo("Bearer cc-1");
    }
}
