package io.sluice.connectors.postgres.source;

import io.sluice.cdk.jdbc.NetworkFailures;
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
            case "08001", "08006", "08004", "08003" -> NetworkFailures.describe(e, config.host(), config.port());
            default -> "Failed to connect to source: " + e.getMessage();
        };
    }
}
