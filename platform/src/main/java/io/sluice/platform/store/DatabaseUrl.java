package io.sluice.platform.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Turns the configured database location into a JDBC URL. */
public final class DatabaseUrl {
    /**
     * WRITE_DELAY=0 writes every commit to the file before the commit returns: with H2's default of
     * 500 ms a killed process lost the commits of its last half second, among them the states a
     * resumed sync starts from.
     */
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    private DatabaseUrl() {}

    /** The embedded H2 database file {@code metadata.mv.db} in {@code dataDir}. */
    public static String h2(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("metadata").toAbsolutePath() + H2_OPTIONS;
    }

    /**
     * A JDBC URL for PostgreSQL from {@code jdbc:postgresql://...} (kept as it is) or
     * {@code postgresql://user:password@host:port/db?params} (libpq style).
     *
     * @throws IllegalArgumentException naming the problem when the URL is neither
     */
    public static String postgres(String url) {
        String u = url.strip();
        if (u.startsWith("jdbc:postgresql:")) {
            return u;
        }
        if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "SLUICE_DATABASE_URL must start with jdbc:postgresql:// or postgresql://");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("SLUICE_DATABASE_URL is not a valid URL: " + e.getReason());
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost() == null ? "localhost" : uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
        StringBuilder params = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            append(params, "user=" + (colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                append(params, "password=" + userInfo.substring(colon + 1));
            }
        }
        if (!params.isEmpty()) {
            jdbc.append('?').append(params);
        }
        return jdbc.toString();
    }

    private static void append(StringBuilder params, String param) {
        if (!params.isEmpty()) {
            params.append('&');
        }
        params.append(param);
    }
}
