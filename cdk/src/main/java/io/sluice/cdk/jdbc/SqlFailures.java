package io.sluice.cdk.jdbc;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Classifies SQL failures by their SQLSTATE (the standard classes that PostgreSQL and MySQL share):
 * lost or refused connections are TRANSIENT; bad credentials, unknown databases, missing tables or
 * columns and missing privileges are CONFIG; the rest is SYSTEM.
 */
public final class SqlFailures {
    private SqlFailures() {}

    /** The kind of failure an exception (or the first SQLException it wraps) stands for. */
    public static FailureKind kindOf(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001") || state.equals("40P01")
                || state.equals("53300") || e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return FailureKind.TRANSIENT;
        }
        if (state.startsWith("28") || state.equals("3D000") || state.equals("3F000") || state.equals("42501")
                || state.equals("42P01") || state.equals("42703") || state.equals("42S02") || state.equals("42S22")) {
            return FailureKind.CONFIG;
        }
        return FailureKind.SYSTEM;
    }

    /** A classified exception whose message starts with {@code what} and gives the driver's reason. */
    public static ConnectorException classify(String what, SQLException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ConnectorException(kindOf(e), what + ": " + reason, e);
    }
}
