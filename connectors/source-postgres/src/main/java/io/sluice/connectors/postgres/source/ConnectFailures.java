package io.sluice.connectors.postgres.source;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Plain words for why a connection or a probe failed, from the SQLSTATE and the cause. */
final class ConnectFailures {
    private ConnectFailures() {}

    static String describe(SQLException e, PostgresConfig config) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01" -> "password authentication failed for user \"" + config.username() + "\"";
            case "28000" -> "authentication failed for user \"" + config.username() + "\": " + e.getMessage();
            case "3D000" -> "database \"" + config.database() + "\" does not exist";
            case "42501" -> "no access: " + e.getMessage();
            case "08001", "08006", "08004", "08003" -> network(e, config);
            default -> "Failed to connect to source: " + e.getMessage();
        };
    }

    private static String network(SQLException e, PostgresConfig config) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "Failed to connect to source: Connection timeout at " + config.address();
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "Connection refused at " + config.address();
            }
            if (t instanceof UnknownHostException) {
                return "Unknown host \"" + config.host() + "\"";
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("timed out") || message.contains("timeout")) {
            return "Failed to connect to source: Connection timeout at " + config.address();
        }
        return "Failed to connect to source at " + config.address() + ": " + message;
    }
}
