package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.jdbc.JdbcUrlParams;
import io.sluice.cdk.jdbc.SqlFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections for one config: short connect timeouts, SSL as configured, UTC session. */
final class PgConnections {
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final PostgresConfig config;
    private final String url;
    private final Properties properties;

    PgConnections(PostgresConfig config) {
        this.config = requireNonNull(config, "config");
        String host = config.host().contains(":") && !config.host().startsWith("[")
                ? "[" + config.host() + "]"
                : config.host();
        this.url = "jdbc:postgresql://" + host + ":" + config.port() + "/"
                + URLEncoder.encode(config.database(), StandardCharsets.UTF_8);
        this.properties = properties(config);
    }

    /**
     * A new connection (autocommit on).
     *
     * @throws SQLException as the driver reports it; see {@link ConnectFailures} for plain words
     */
    Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        try (var statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
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
            throw new ConnectorException(SqlFailures.kindOf(e) == FailureKind.SYSTEM ? FailureKind.TRANSIENT
                    : SqlFailures.kindOf(e), ConnectFailures.describe(e, config), e);
        }
    }

    private static Properties properties(PostgresConfig config) {
        Properties p = JdbcUrlParams.parse(config.jdbcUrlParams());
        p.setProperty("user", config.username());
        config.password().ifPresent(s -> p.setProperty("password", s.reveal()));
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "sluice source-postgres");
        p.setProperty("sslmode", config.sslMode());
        config.caCertificate().ifPresent(ca -> p.setProperty("sslrootcert", writeTemp(ca.reveal())));
        return p;
    }

    private static String writeTemp(String pem) {
        try {
            Path file = Files.createTempFile("sluice-pg-ca", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
