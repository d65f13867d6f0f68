package io.sluice.platform.api;

import io.javalin.http.Context;
import io.sluice.platform.auth.Credentials;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sluice's own calls (not in Airbyte's API): the admin password and API tokens.
 * {@code /api/v1/admin/update_password {password}}, {@code /api/v1/api_tokens/create {name}} (the
 * token is in this answer only) and {@code /api/v1/api_tokens/delete {tokenId}}.
 */
public final class AdminApi {
    private final Credentials credentials;

    public AdminApi(Credentials credentials) {
        this.credentials = credentials;
    }

    public void updatePassword(Context ctx) {
        Body body = Body.of(ctx);
        String password = body.text("password");
        body.done();
        Optional<String> problem = credentials.setPassword(password);
        if (problem.isPresent()) {
            throw new ApiException.InvalidInput("password", problem.get());
        }
        ctx.json(Map.of("email", credentials.adminEmail(), "defaultPassword", false));
    }

    public void createToken(Context ctx) {
        Body body = Body.of(ctx);
        String name = body.optionalText("name").filter(n -> !n.isBlank()).orElse("api token");
        body.done();
        ctx.json(credentials.createToken(name));
    }

    public void deleteToken(Context ctx) {
        UUID id = Body.of(ctx).id("tokenId");
        if (!credentials.deleteToken(id)) {
            throw new ApiException.NotFound("api token", id);
        }
        ctx.status(204);
    }
}
