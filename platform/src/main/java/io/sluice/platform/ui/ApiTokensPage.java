package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /settings/tokens}: the API tokens ({@code api_tokens/list}), a new one
 * ({@code api_tokens/create}), shown on the page that answers the creation and never again, and
 * revoking one ({@code api_tokens/delete}) after a confirmation page.
 */
final class ApiTokensPage {
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Routes api;
    private final SettingsPages settings;

    ApiTokensPage(Routes api, SettingsPages settings) {
        this.api = api;
        this.settings = settings;
    }

    void register(UiRoutes routes) {
        routes.get("/settings/tokens", this::show);
        routes.post("/settings/tokens", this::create);
        routes.get("/settings/tokens/{tokenId}/revoke", this::confirmRevoke);
        routes.post("/settings/tokens/{tokenId}/revoke", this::revoke);
    }

    private void show(Context ctx, UiSessions.Session session) {
        String revoked = ctx.queryParam("revoked");
        render(ctx, session, revoked == null ? null : "The token " + revoked + " is revoked: it no longer works.",
                "", Map.of(), null);
    }

    private void create(Context ctx, UiSessions.Session session) {
        String name = SetupForm.text(ctx, "tokenName");
        if (name.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, session, null, name, Map.of("tokenName", "Enter a name that says what the token is for."), null);
            return;
        }
        JsonNode created = api.call("api_tokens/create", ApiJson.MAPPER.createObjectNode().put("name", name));
        render(ctx, session, null, "", Map.of(), new CreatedApiToken(created.path("name").asText(),
                created.path("token").asText()));
    }

    private void confirmRevoke(Context ctx, UiSessions.Session session) {
        Optional<ApiTokenView> token = find(ctx.pathParam("tokenId"));
        if (token.isEmpty()) {
            ctx.redirect("/settings/tokens", HttpStatus.SEE_OTHER);
            return;
        }
        settings.render(ctx, session, "revoke", null, Map.of("token", token.get()));
    }

    private void revoke(Context ctx, UiSessions.Session session) {
        Optional<ApiTokenView> token = find(ctx.pathParam("tokenId"));
        if (token.isPresent()) {
            try {
                api.call("api_tokens/delete", ApiJson.MAPPER.createObjectNode().put("tokenId", token.get().tokenId()));
            } catch (ApiException.NotFound gone) {
                // revoked meanwhile (another tab): the outcome is the same
            }
        }
        ctx.redirect(token.map(t -> "/settings/tokens?revoked=" + URLEncoder.encode(t.name(), StandardCharsets.UTF_8))
                .orElse("/settings/tokens"), HttpStatus.SEE_OTHER);
    }

    private Optional<ApiTokenView> find(String tokenId) {
        return tokens().stream().filter(t -> t.tokenId().equals(tokenId)).findFirst();
    }

    private List<ApiTokenView> tokens() {
        List<ApiTokenView> tokens = new ArrayList<>();
        for (JsonNode token : api.call("api_tokens/list", ApiJson.MAPPER.createObjectNode()).path("apiTokens")) {
            tokens.add(new ApiTokenView(token.path("tokenId").asText(), token.path("name").asText(),
                    CREATED.format(Instant.ofEpochSecond(token.path("createdAt").asLong()))));
        }
        return tokens;
    }

    private void render(Context ctx, UiSessions.Session session, String notice, String name,
            Map<String, String> errors, CreatedApiToken created) {
        Map<String, Object> params = new HashMap<>(Map.of("tokens", tokens(), "name", name, "errors", errors));
        params.put("created", created);
        settings.render(ctx, session, "tokens", notice, params);
    }
}
