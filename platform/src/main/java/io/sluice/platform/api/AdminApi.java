package io.sluice.platform.api;

import io.sluice.platform.auth.Credentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sluice's own calls (not in Airbyte's API): the admin password and API tokens.
 * {@code /api/v1/admin/update_password {password}}, {@code /api/v1/api_tokens/create {name}} (the
 * token is in this answer only), {@code /api/v1/api_tokens/list} (each token's id, name and
 * creation time, never the token) and {@code /api/v1/api_tokens/delete {tokenId}}.
 */
public final class AdminApi {
    private final Credentials credentials;

    public AdminApi(Credentials credentials) {
        this.credentials = credentials;
    }

    public Object updatePassword(Body body) {
        String password = body.text("password");
        body.done();
        Optional<String> problem = credentials.setPassword(password);
        if (problem.isPresent()) {
            throw new ApiException.InvalidInput("password", problem.get());
        }
        return Map.of("email", credentials.adminEmail(), "defaultPassword", false);
    }

    public Object createToken(Body body) {
        String name = body.optionalText("name").filter(n -> !n.isBlank()).orElse("api token");
        body.done();
        return credentials.createToken(name);
    }

    /** {@code {apiTokens: [{tokenId, name, createdAt}]}}, oldest first; times in epoch seconds. */
    public Object listTokens(Body body) {
        body.done();
        return new ApiTokenReadList(credentials.tokens().stream()
                .map(t -> new ApiTokenInfoRead(t.tokenId(), t.name(), t.createdAt().getEpochSecond())).toList());
    }

    /** A listed token: what is known of it, never its value. */
    public record ApiTokenInfoRead(UUID tokenId, String name, long createdAt) {}

    public record ApiTokenReadList(List<ApiTokenInfoRead> apiTokens) {}

    public Object deleteToken(Body body) {
        UUID id = body.id("tokenId");
        if (!credentials.deleteToken(id)) {
            throw new ApiException.NotFound("api token", id);
        }
        return ApiHandler.NO_CONTENT;
    }
}
