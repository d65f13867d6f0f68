package io.sluice.connectors.mysql.source;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.jdbc.JdbcUrlParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens MariaDB Connector/J connections for one config: short connect timeout, SSL as configured,
 * UTC session time zone (so TIMESTAMP values and cursor parameters mean UTC), a long write timeout
 * (a streamed read may wait on a slow destination). {@code preferred} tries TLS first and falls back
 * to an unencrypted connection when the server offers none, as MySQL clients do.
 */
final class MySqlConnections {
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Seconds the server waits for the client to take streamed rows before giving up. */
    static final int NET_WRITE_TIMEOUT_SECONDS = 3600;
    private static final Logger LOG = LoggerFactory.getLogger(MySqlConnections.class);

    private final MySqlConfig config;
    private final String url;
    private volatile boolean serverWithoutTls;

    MySqlConnections(MySqlConfig config) {
        this.config = requireNonNull(config, "config");
        String host = config.host().contains(":") && !config.host().startsWith("[")
                ? "[" + config.host() + "]"
                : config.host();
        this.url = "jdbc:mariadb://" + host + ":" + config.port() + "/"
                + URLEncoder.encode(config.database(), StandardCharsets.UTF_8);
    }

    /**
     * A new connection (autocommit on).
     *
     * @throws SQLException as the driver reports it; see {@link MySqlFailures} for plain words
     */
    Connection open() throws SQLException {
        Connection connection;
        if (config.sslMode().equals("preferred") && !serverWithoutTls) {
            try {
                connection = DriverManager.getConnection(url, properties("trust"));
            } catch (SQLException e) {
                if (!MySqlFailures.sslUnavailable(e)) {
                    throw e;
                }
                LOG.info("the server offers no TLS; ssl_mode preferred connects unencrypted");
                serverWithoutTls = true;
                connection = DriverManager.getConnection(url, properties("disable"));
            }
        } else {
            connection = DriverManager.getConnection(url, properties(driverSslMode()));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION time_zone = '+00:00', SESSION net_write_timeout = "
                    + NET_WRITE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A new connection, failures classified (for read and discover). */
    Connection openClassified() {
        try {
            return open();
        } catch (SQLException e) {
            throw MySqlFailures.connectFailed(e, config);
        }
    }

    /** Connector/J's sslMode for the configured Airbyte mode. */
    private String driverSslMode() {
        return switch (config.sslMode()) {
            case "disabled" -> "disable";
            case "verify_ca" -> "verify-ca";
            case "verify_identity" -> "verify-full";
            case "preferred" -> "disable";
            default -> "trust";
        };
    }

    private Properties properties(String sslMode) {
        Properties p = JdbcUrlParams.parse(config.jdbcUrlParams());
        p.setProperty("user", config.username());
        config.password().ifPresent(s -> p.setProperty("password", s.reveal()));
        p.putIfAbsent("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS * 1000));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("sslMode", sslMode);
        // the driver takes the PEM text itself as well as a file path
        config.caCertificate().ifPresent(ca -> p.setProperty("serverSslCert", ca.reveal()));
        return p;
    }
}
