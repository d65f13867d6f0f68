package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Adds credentials to a request. {@code NoAuth}, {@code BearerAuthenticator},
 * {@code ApiKeyAuthenticator} and {@code BasicHttpAuthenticator} are here;
 * {@link OAuthAuthenticator} fetches and refreshes its token. Every credential value is handed
 * to the {@link Scrubber} before use, so it never shows in a message.
 */
interface Authenticator {

    /** Adds the credentials to {@code parts}; called once per request, on the reading thread. */
    void apply(RequestParts parts, TemplateVars vars);

    /** {@code NoAuth}: nothing to add. */
    record NoAuth() implements Authenticator {
        public void apply(RequestParts parts, TemplateVars vars) {}
    }

    /** {@code BearerAuthenticator}: {@code Authorization: Bearer <api_token>}. */
    record Bearer(Template apiToken, Scrubber scrubber) implements Authenticator {
        public void apply(RequestParts parts, TemplateVars vars) {
            String token = apiToken.text(vars);
            scrubber.add(token);
            parts.header("Authorization", "Bearer " + token);
        }
    }

    /** {@code ApiKeyAuthenticator}: the {@code api_token} in a header or a query parameter ({@code inject_into}). */
    record ApiKey(Template apiToken, RequestOption injectInto, Scrubber scrubber) implements Authenticator {
        public ApiKey {
            requireNonNull(injectInto, "injectInto");
        }

        public void apply(RequestParts parts, TemplateVars vars) {
            String token = apiToken.text(vars);
            scrubber.add(token);
            injectInto.inject(parts, token, vars);
        }
    }

    /** {@code BasicHttpAuthenticator}: {@code Authorization: Basic base64(username:password)}. */
    record Basic(Template username, Template password, Scrubber scrubber) implements Authenticator {
        public void apply(RequestParts parts, TemplateVars vars) {
            String secret = password.text(vars);
            scrubber.add(secret);
            String encoded = Base64.getEncoder().encodeToString(
                    (username.text(vars) + ":" + secret).getBytes(StandardCharsets.UTF_8));
            scrubber.add(encoded);
            parts.header("Authorization", "Basic " + encoded);
        }
    }
}
