package io.sluice.platform.ui;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions of the web UI, kept in memory (a restart signs everyone out). Every browser
 * gets a session on its first page, signed in or not, so that the sign-in and setup forms carry a
 * CSRF token too; signing in replaces the session with a new id. The cookie is HttpOnly and
 * SameSite=Lax; a session ends after {@link #IDLE} without requests.
 */
public final class UiSessions {
    static final String COOKIE = "sluice_session";
    static final Duration IDLE = Duration.ofHours(12);
    /** Past this many sessions, idle ones go, then signed-out ones (pages without cookies each start one). */
    private static final int SWEEP_ABOVE = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** One browser's session; {@code email} is empty until it signs in. */
    public record Session(String id, String csrf, Optional<String> email, Instant lastSeen) {
        boolean signedIn() {
            return email.isPresent();
        }
    }

    /** The request's live session, if its cookie names one. */
    Optional<Session> find(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null || session.lastSeen().plus(IDLE).isBefore(Instant.now())) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(session.id(), session.csrf(), session.email(), Instant.now());
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    /** The request's session, or a new signed-out one whose cookie goes out with the response. */
    Session findOrStart(Context ctx) {
        return find(ctx).orElseGet(() -> start(ctx, Optional.empty()));
    }

    /** Ends the request's session and starts a signed-in one under a new id. */
    Session signIn(Context ctx, String email) {
        find(ctx).ifPresent(s -> sessions.remove(s.id()));
        return start(ctx, Optional.of(email));
    }

    /** Ends the request's session; the next page starts a signed-out one. */
    void signOut(Context ctx) {
        find(ctx).ifPresent(s -> sessions.remove(s.id()));
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    private Session start(Context ctx, Optional<String> email) {
        if (sessions.size() > SWEEP_ABOVE) {
            Instant idleSince = Instant.now().minus(IDLE);
            sessions.values().removeIf(s -> s.lastSeen().isBefore(idleSince) || (!s.signedIn() && sessions.size() > SWEEP_ABOVE));
        }
        Session session = new Session(token(), token(), email, Instant.now());
        sessions.put(session.id(), session);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax");
        return session;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
