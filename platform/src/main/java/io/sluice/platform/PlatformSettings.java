package io.sluice.platform;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the server runs: where it listens, where it keeps its files, which metadata database it
 * uses, whether calls need credentials.
 *
 * @param apiPort the Config API port (0 picks a free one)
 * @param uiPort the UI port, which also serves the API under {@code /api} (0 picks a free one)
 * @param bind the address both ports listen on
 * @param dataDir the H2 database, the secret key file, job logs and the sample DuckDB file live here
 * @param databaseUrl a PostgreSQL URL ({@code jdbc:postgresql://...} or {@code postgresql://...});
 *     empty for the embedded H2 database under {@code dataDir}
 * @param authRequired when true, loopback calls need credentials too
 * @param secretKey the AES key for secrets at rest, base64; empty to use (or create) a key file
 * @param adminPassword when present, the admin password is set to it at start
 * @param jobs the worker pool, retries and the scheduler's poll
 */
public record PlatformSettings(
        int apiPort,
        int uiPort,
        String bind,
        Path dataDir,
        Optional<String> databaseUrl,
        boolean authRequired,
        Optional<String> secretKey,
        Optional<String> adminPassword,
        JobSettings jobs) {

    public static final int DEFAULT_API_PORT = 8001;
    public static final int DEFAULT_UI_PORT = 8000;
    public static final String DEFAULT_BIND = "127.0.0.1";

    public PlatformSettings {
        requireNonNull(bind, "bind");
        dataDir = requireNonNull(dataDir, "dataDir").toAbsolutePath();
        databaseUrl = requireNonNull(databaseUrl, "databaseUrl").filter(s -> !s.isBlank());
        secretKey = requireNonNull(secretKey, "secretKey").filter(s -> !s.isBlank());
        adminPassword = requireNonNull(adminPassword, "adminPassword").filter(s -> !s.isBlank());
        requireNonNull(jobs, "jobs");
        if (apiPort < 0 || apiPort > 65535 || uiPort < 0 || uiPort > 65535) {
            throw new IllegalArgumentException("ports must be between 0 and 65535");
        }
    }

    /**
     * Settings from the environment ({@code SLUICE_DATA_DIR}, {@code SLUICE_DATABASE_URL},
     * {@code SLUICE_AUTH_REQUIRED}, {@code SLUICE_SECRET_KEY}, {@code SLUICE_ADMIN_PASSWORD}) with the
     * default ports and bind address.
     */
    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Optional.ofNullable(env.get("SLUICE_DATA_DIR"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".sluice"));
        return new PlatformSettings(DEFAULT_API_PORT, DEFAULT_UI_PORT, DEFAULT_BIND, dataDir,
                Optional.ofNullable(env.get("SLUICE_DATABASE_URL")),
                Boolean.parseBoolean(env.getOrDefault("SLUICE_AUTH_REQUIRED", "false").strip()),
                Optional.ofNullable(env.get("SLUICE_SECRET_KEY")),
                Optional.ofNullable(env.get("SLUICE_ADMIN_PASSWORD")),
                JobSettings.fromEnvironment(env));
    }

    public PlatformSettings withPorts(int api, int ui) {
        return new PlatformSettings(api, ui, bind, dataDir, databaseUrl, authRequired, secretKey, adminPassword, jobs);
    }

    public PlatformSettings withBind(String address) {
        return new PlatformSettings(apiPort, uiPort, address, dataDir, databaseUrl, authRequired, secretKey,
                adminPassword, jobs);
    }

    public PlatformSettings withDataDir(Path dir) {
        return new PlatformSettings(apiPort, uiPort, bind, dir, databaseUrl, authRequired, secretKey, adminPassword, jobs);
    }

    public PlatformSettings withDatabaseUrl(Optional<String> url) {
        return new PlatformSettings(apiPort, uiPort, bind, dataDir, url, authRequired, secretKey, adminPassword, jobs);
    }

    public PlatformSettings withAuthRequired(boolean required) {
        return new PlatformSettings(apiPort, uiPort, bind, dataDir, databaseUrl, required, secretKey, adminPassword, jobs);
    }

    public PlatformSettings withJobs(JobSettings settings) {
        return new PlatformSettings(apiPort, uiPort, bind, dataDir, databaseUrl, authRequired, secretKey, adminPassword,
                settings);
    }

    public PlatformSettings withAdminPassword(Optional<String> password) {
        return new PlatformSettings(apiPort, uiPort, bind, dataDir, databaseUrl, authRequired, secretKey, password, jobs);
    }
}
