package io.sluice.cdk.jdbc;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Plain words for a connection that never reached the database server: a timeout, a refused port,
 * an unknown host, found among the causes of the driver's exception (or its message).
 */
public final class NetworkFailures {
    private NetworkFailures() {}

    /** Why connecting to {@code host:port} failed, as a sentence for the user. */
    public static String describe(SQLException e, String host, int port) {
        String address = host + ":" + port;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "Failed to connect to source: Connection timeout at " + address;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "Connection refused at " + address;
            }
            if (t instanceof UnknownHostException) {
                return "Unknown host \"" + host + "\"";
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("timed out") || message.contains("timeout")) {
            return "Failed to connect to source: Connection timeout at " + address;
        }
        return "Failed to connect to source at " + address + ": " + message;
    }
}
