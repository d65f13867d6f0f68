package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code OAuthAuthenticator}: an access token from {@code token_refresh_endpoint} (grant
 * {@code refresh_token} or {@code client_credentials}, form-encoded as OAuth 2 asks), sent as
 * {@code Authorization: Bearer ...} and fetched again shortly before it expires. With a
 * {@code refresh_token_updater}, a new refresh token in the answer replaces the old one in the
 * config (at {@code refresh_token_config_path}, with the access token and expiry at theirs), and the
 * updated config goes to {@code configUpdates} so the platform persists it, as Airbyte's CONTROL
 * message does; later refreshes in the same read use the new refresh token.
 */
final class OAuthAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthAuthenticator.class);
    private static final Duration EARLY = Duration.ofSeconds(60);

    /** The manifest's fields, interpolated at refresh time. */
    record Settings(Template tokenRefreshEndpoint, Template clientId, Template clientSecret,
            Optional<Template> refreshToken, String grantType, List<String> scopes, String accessTokenName,
            String expiresInName, Map<String, Template> refreshRequestBody, Optional<TokenUpdater> updater) {}

    /** {@code refresh_token_updater}: where the rotated tokens live in the config. */
    record TokenUpdater(String refreshTokenName, List<String> refreshTokenConfigPath,
            List<String> accessTokenConfigPath, List<String> tokenExpiryDateConfigPath) {}

    private final Settings settings;
    private final RestClient client;
    private final ObjectNode config;
    private final Consumer<ObjectNode> configUpdates;
    private String accessToken;
    private Instant expiresAt = Instant.EPOCH;
    private String rotatedRefreshToken;

    OAuthAuthenticator(Settings settings, RestClient client, ObjectNode config, Consumer<ObjectNode> configUpdates) {
        this.settings = requireNonNull(settings, "settings");
        this.client = requireNonNull(client, "client");
        this.config = requireNonNull(config, "config");
        this.configUpdates = requireNonNull(configUpdates, "configUpdates");
    }

    @Override
    public synchronized void apply(RequestParts parts, TemplateVars vars) {
        if (accessToken == null || Instant.now().isAfter(expiresAt.minus(EARLY))) {
            refresh(vars);
        }
        parts.header("Authorization", "Bearer " + accessToken);
    }

    private void refresh(TemplateVars vars) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", settings.grantType());
        form.put("client_id", settings.clientId().text(vars));
        String secret = settings.clientSecret().text(vars);
        client.scrubber().add(secret);
        form.put("client_secret", secret);
        if (settings.grantType().equals("refresh_token")) {
            String refreshToken = rotatedRefreshToken != null ? rotatedRefreshToken
                    : settings.refreshToken().map(t -> t.text(vars)).orElse("");
            client.scrubber().add(refreshToken);
            form.put("refresh_token", refreshToken);
        }
        if (!settings.scopes().isEmpty()) {
            form.put("scopes", String.join(" ", settings.scopes()));
        }
        settings.refreshRequestBody().forEach((k, v) -> form.put(k, v.text(vars)));
        String endpoint = settings.tokenRefreshEndpoint().text(vars);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(client.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
        ApiResponse response = client.send(request, tokenErrors(), vars, "OAuth token refresh")
                .orElseThrow(() -> ConnectorException.config("OAuth token refresh at " + endpoint + " was ignored"));
        JsonNode answer = response.json("OAuth token refresh");
        JsonNode token = answer.path(settings.accessTokenName());
        if (!token.isTextual() || token.asText().isEmpty()) {
            throw ConnectorException.config("OAuth token refresh at " + RestClient.withoutQuery(request.uri())
                    + " answered without '" + settings.accessTokenName() + "' (access_token_name)");
        }
        accessToken = token.asText();
        client.scrubber().add(accessToken);
        long expiresIn = answer.path(settings.expiresInName()).asLong(3600);
        expiresAt = Instant.now().plusSeconds(expiresIn);
        LOG.info("OAuth access token obtained; it expires in {} s", expiresIn);
        settings.updater().ifPresent(updater -> rotate(updater, answer));
    }

    private void rotate(TokenUpdater updater, JsonNode answer) {
        JsonNode newRefresh = answer.path(updater.refreshTokenName());
        if (!newRefresh.isTextual() || newRefresh.asText().isEmpty()) {
            return;
        }
        client.scrubber().add(newRefresh.asText());
        rotatedRefreshToken = newRefresh.asText();
        set(updater.refreshTokenConfigPath(), rotatedRefreshToken);
        set(updater.accessTokenConfigPath(), accessToken);
        set(updater.tokenExpiryDateConfigPath(), expiresAt.toString());
        LOG.info("OAuth refresh token rotated; the updated config goes to the platform");
        configUpdates.accept(config.deepCopy());
    }

    private void set(List<String> path, String value) {
        if (path.isEmpty()) {
            return;
        }
        ObjectNode node = config;
        for (String key : path.subList(0, path.size() - 1)) {
            JsonNode child = node.get(key);
            node = child instanceof ObjectNode object ? object : node.putObject(key);
        }
        node.put(path.getLast(), value);
    }

    /** Token endpoints answer 400/401 for bad credentials: a config problem, not retried. */
    private static ErrorHandler tokenErrors() {
        return new ErrorHandler(List.of(new ErrorHandler.ResponseFilter(ErrorHandler.Action.FAIL, Set.of(400),
                Optional.empty(), Optional.empty(), Optional.of("the OAuth credentials were refused"),
                Optional.of(FailureKind.CONFIG))), 3, new ErrorHandler.Exponential(1));
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
