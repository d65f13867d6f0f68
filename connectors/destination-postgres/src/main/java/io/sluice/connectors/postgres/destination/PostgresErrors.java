package io.sluice.connectors.postgres.destination;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.sql.SQLException;

/** Words for PostgreSQL errors, and their failure kind by SQLSTATE class. */
final class PostgresErrors {
    private PostgresErrors() {}

    /**
     * CONFIG for bad credentials (28), an unknown database (3D000) and missing privileges (42501);
     * TRANSIENT for connection failures (08, refused connections included) and serialization or
     * deadlock aborts (40); SYSTEM otherwise.
     */
    static ConnectorException classify(String context, SQLException e) {
        String message = context + ": " + plain(e);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28") || state.equals("3D000") || state.equals("42501")) {
            return new ConnectorException(FailureKind.CONFIG, message, e);
        }
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P")) {
            return ConnectorException.transientError(message, e);
        }
        return ConnectorException.system(message, e);
    }

    /** The server's message in plain words: first line, without the severity prefix. */
    static String plain(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        for (String prefix : new String[] {"FATAL: ", "ERROR: "}) {
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
        }
        return isRefused(e) ? "connection refused: " + message : message;
    }

    private static boolean isRefused(SQLException e) {
        return "08001".equals(e.getSQLState()) && e.getCause() instanceof java.net.ConnectException;
    }
}
