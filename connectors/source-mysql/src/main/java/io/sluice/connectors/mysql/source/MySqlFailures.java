package io.sluice.connectors.mysql.source;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.jdbc.NetworkFailures;
import io.sluice.cdk.jdbc.SqlFailures;
import java.sql.SQLException;
import java.util.Locale;

/**
 * MySQL and MariaDB failures in plain words and classified. Their SQLSTATE is often the catch-all
 * {@code 42000} (unknown database, missing privileges as well as syntax errors), so the server's
 * error code decides first; the cdk's SQLSTATE rules decide the rest.
 */
final class MySqlFailures {
    static final int ACCESS_DENIED_TO_DATABASE = 1044;
    static final int ACCESS_DENIED = 1045;
    static final int UNKNOWN_DATABASE = 1049;
    static final int TABLE_ACCESS_DENIED = 1142;
    static final int COLUMN_ACCESS_DENIED = 1143;
    static final int NO_SUCH_TABLE = 1146;
    static final int UNKNOWN_COLUMN = 1054;

    private MySqlFailures() {}

    /** Why connecting or probing failed, for check's message. */
    static String describe(SQLException e, MySqlConfig config) {
        if (sslUnavailable(e)) {
            return "SSL is required (ssl_mode \"" + config.sslMode() + "\") but the server at " + config.host() + ":"
                    + config.port() + " does not offer encrypted connections; choose ssl_mode \"preferred\" or "
                    + "enable TLS on the server";
        }
        return switch (e.getErrorCode()) {
            case ACCESS_DENIED -> "Access denied for user \"" + config.username()
                    + "\": the user name or password is wrong, or the user may not connect from this host";
            case ACCESS_DENIED_TO_DATABASE -> "Access denied for user \"" + config.username() + "\" to database \""
                    + config.database() + "\": grant the user SELECT on the tables to read";
            case UNKNOWN_DATABASE -> "database \"" + config.database() + "\" does not exist";
            case TABLE_ACCESS_DENIED, COLUMN_ACCESS_DENIED -> "missing SELECT privilege: " + e.getMessage();
            default -> connectionFailure(e) ? NetworkFailures.describe(e, config.host(), config.port())
                    : "Failed to connect to source: " + e.getMessage();
        };
    }

    static FailureKind kindOf(SQLException e) {
        if (sslUnavailable(e)) {
            return FailureKind.CONFIG;
        }
        return switch (e.getErrorCode()) {
            case ACCESS_DENIED, ACCESS_DENIED_TO_DATABASE, UNKNOWN_DATABASE, TABLE_ACCESS_DENIED,
                    COLUMN_ACCESS_DENIED, NO_SUCH_TABLE, UNKNOWN_COLUMN -> FailureKind.CONFIG;
            default -> SqlFailures.kindOf(e);
        };
    }

    /** A classified exception whose message starts with {@code what} and gives the server's reason. */
    static ConnectorException classify(String what, SQLException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ConnectorException(kindOf(e), what + ": " + reason, e);
    }

    /** A failure to open a connection, classified: connection trouble is TRANSIENT, the rest as {@link #kindOf}. */
    static ConnectorException connectFailed(SQLException e, MySqlConfig config) {
        FailureKind kind = kindOf(e);
        return new ConnectorException(kind == FailureKind.SYSTEM ? FailureKind.TRANSIENT : kind,
                describe(e, config), e);
    }

    /** The driver's refusal to go on unencrypted when SSL was asked for. */
    static boolean sslUnavailable(SQLException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("ssl not enabled in the server");
    }

    private static boolean connectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }
}
