package io.sluice.platform.auth;

import io.sluice.platform.store.AuthDao;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin account (one user, {@value #DEFAULT_EMAIL} / {@value #DEFAULT_PASSWORD} until changed)
 * and API tokens. Passwords are stored as PBKDF2 hashes, tokens as SHA-256 hashes; neither is
 * kept in plain text anywhere.
 */
public final class Credentials {
    public static final String DEFAULT_EMAIL = "airbyte@example.com";
    public static final String DEFAULT_PASSWORD = "password";
    private static final int MIN_PASSWORD_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthDao dao;
    /** Basic credentials already checked against the current hash (PBKDF2 is slow on purpose). */
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    public Credentials(AuthDao dao) {
        this.dao = dao;
    }

    /** Creates the admin with the default password on first start. */
    public void ensureAdmin() {
        if (dao.adminEmail().isEmpty()) {
            dao.insertAdmin(DEFAULT_EMAIL, PasswordHasher.hash(DEFAULT_PASSWORD), Instant.now());
        }
    }

    public String adminEmail() {
        return dao.adminEmail().orElse(DEFAULT_EMAIL);
    }

    /** Whether the admin password is still the seed's default. */
    public boolean defaultPassword() {
        return dao.passwordHash(adminEmail()).map(h -> PasswordHasher.verify(DEFAULT_PASSWORD, h)).orElse(true);
    }

    /** @return the problem with the new password, or empty when it was set */
    public Optional<String> setPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.equals(DEFAULT_PASSWORD)) {
            return Optional.of("must not be the default password");
        }
        dao.updatePassword(adminEmail(), PasswordHasher.hash(password), Instant.now());
        verified.clear();
        return Optional.empty();
    }

    /** Renames the admin account (the first-run wizard asks for the admin's own email). */
    public void setEmail(String email) {
        dao.updateEmail(adminEmail(), email, Instant.now());
        verified.clear();
    }

    public boolean checkPassword(String email, String password) {
        Optional<String> hash = dao.passwordHash(email);
        if (hash.isEmpty()) {
            return false;
        }
        String key = sha256(email + "\u0000" + password);
        if (hash.get().equals(verified.get(key))) {
            return true;
        }
        boolean ok = PasswordHasher.verify(password, hash.get());
        if (ok) {
            verified.put(key, hash.get());
        }
        return ok;
    }

    /** A new API token; only its hash is stored, so this is the one time it is shown. */
    public NewToken createToken(String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "sluice_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        dao.insertToken(id, name, sha256(token), Instant.now());
        return new NewToken(id, name, token);
    }

    /** Every API token's id, name and creation time, oldest first; never the token or its hash. */
    public List<TokenInfo> tokens() {
        return dao.listTokens().stream().map(t -> new TokenInfo(t.id(), t.name(), t.createdAt())).toList();
    }

    public boolean deleteToken(UUID id) {
        return dao.deleteToken(id) > 0;
    }

    public boolean checkToken(String token) {
        return dao.tokenCount(sha256(token)) > 0;
    }

    /** A token as created: the plain value is here only. */
    public record NewToken(UUID tokenId, String name, String token) {}

    /** A stored token as it is listed. */
    public record TokenInfo(UUID tokenId, String name, Instant createdAt) {}

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
