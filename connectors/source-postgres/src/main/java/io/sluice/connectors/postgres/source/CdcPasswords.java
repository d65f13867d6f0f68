package io.sluice.connectors.postgres.source;

import io.sluice.cdk.Secret;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Hands the database password to the PostgreSQL driver inside Debezium without putting it in
 * Debezium's configuration, which Debezium's engine logs in full at DEBUG level. The configuration
 * carries a one-sync token instead ({@link #TOKEN_PROPERTY}); the driver instantiates this class as
 * its authentication plugin (with the connection properties) and looks the password up by the token.
 *
 * <p>The registry is static because the driver creates the plugin by class name; each entry lives
 * only while its sync's Debezium engine runs ({@link Lease#close()}).
 */
public final class CdcPasswords implements AuthenticationPlugin {
    static final String TOKEN_PROPERTY = "sluiceCdcPasswordToken";
    private static final Map<String, Secret> LEASED = new ConcurrentHashMap<>();

    private final String token;

    /** Called by the PostgreSQL driver with the connection's properties. */
    public CdcPasswords(Properties properties) {
        this.token = properties.getProperty(TOKEN_PROPERTY, "");
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
        Secret secret = LEASED.get(token);
        if (secret == null) {
            throw new PSQLException("the sync holding this CDC password has ended", PSQLState.INVALID_PASSWORD);
        }
        return secret.reveal().toCharArray();
    }

    /** Makes the password available under a new token until the lease is closed. */
    static Lease lease(Secret password) {
        String token = UUID.randomUUID().toString();
        LEASED.put(token, password);
        return new Lease(token);
    }

    /** A token the driver can redeem for the password, while open. */
    record Lease(String token) implements AutoCloseable {
        @Override
        public void close() {
            LEASED.remove(token);
        }
    }
}
