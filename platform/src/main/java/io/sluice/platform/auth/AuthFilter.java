package io.sluice.platform.auth;

import io.javalin.http.Context;
import io.sluice.platform.api.ApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Runs before every API call. Loopback calls pass without credentials (as the seed's curl calls
 * do) unless auth is required or the server listens beyond loopback; otherwise a call needs
 * {@code Authorization: Basic} with the admin's email and password or {@code Authorization: Bearer}
 * with an API token. {@code /api/v1/health} is always open.
 */
public final class AuthFilter {
    private final Credentials credentials;
    private final boolean openOnLoopback;

    public AuthFilter(Credentials credentials, boolean authRequired, String bind) {
        this.credentials = credentials;
        this.openOnLoopback = !authRequired && isLoopback(bind);
    }

    public void check(Context ctx) {
        if (ctx.path().equals("/api/v1/health")) {
            return;
        }
        if (openOnLoopback && isLoopback(ctx.req().getRemoteAddr())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiException.Unauthorized("the Basic credentials are not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon > 0 && credentials.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                return;
            }
            throw new ApiException.Unauthorized("wrong email or password");
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (credentials.checkToken(header.substring(7).strip())) {
                return;
            }
            throw new ApiException.Unauthorized("unknown API token");
        }
        throw new ApiException.Unauthorized("this call needs credentials: Basic auth (admin email and password)"
                + " or Authorization: Bearer <API token>");
    }

    /** Whether an address (literal or host name) is a loopback one. */
    public static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
