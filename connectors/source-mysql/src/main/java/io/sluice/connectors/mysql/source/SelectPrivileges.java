package io.sluice.connectors.mysql.source;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.FailureKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which tables the connected user may SELECT from. information_schema lists every table the user
 * has any privilege on, so: a global or database-wide SELECT grant covers them all; a table-level
 * SELECT grant covers its table; any other table (reached through a role, a wildcard or column
 * grants) is tried with {@code SELECT * ... LIMIT 0}, so the answer is the server's own.
 */
final class SelectPrivileges {
    private static final Logger LOG = LoggerFactory.getLogger(SelectPrivileges.class);
    /** CURRENT_USER() is {@code user@host}; the privilege views name grantees {@code 'user'@'host'}. */
    private static final String GRANTEE = "CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', "
            + "SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')";
    private static final String WIDE_GRANT = """
            SELECT 1 FROM information_schema.USER_PRIVILEGES
            WHERE GRANTEE = %1$s AND PRIVILEGE_TYPE = 'SELECT'
            UNION ALL
            SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES
            WHERE GRANTEE = %1$s AND PRIVILEGE_TYPE = 'SELECT' AND ? LIKE TABLE_SCHEMA
            """.formatted(GRANTEE);
    private static final String TABLE_GRANTS = """
            SELECT TABLE_NAME FROM information_schema.TABLE_PRIVILEGES
            WHERE GRANTEE = %s AND PRIVILEGE_TYPE = 'SELECT' AND TABLE_SCHEMA = ?
            """.formatted(GRANTEE);

    private final Connection connection;
    private final String database;

    SelectPrivileges(Connection connection, String database) {
        this.connection = requireNonNull(connection, "connection");
        this.database = requireNonNull(database, "database");
    }

    /** The tables of {@code tables} the user may SELECT from, in the same order. */
    List<MySqlTable> selectable(List<MySqlTable> tables) throws SQLException {
        if (tables.isEmpty() || !names(WIDE_GRANT).isEmpty()) {
            return tables;
        }
        Set<String> granted = names(TABLE_GRANTS);
        List<MySqlTable> selectable = new ArrayList<>();
        for (MySqlTable table : tables) {
            if (granted.contains(table.name()) || canSelect(table)) {
                selectable.add(table);
            }
        }
        return selectable;
    }

    private Set<String> names(String sql) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private boolean canSelect(MySqlTable table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table.qualifiedName() + " LIMIT 0")) {
            return true;
        } catch (SQLException e) {
            if (MySqlFailures.kindOf(e) == FailureKind.CONFIG) {
                LOG.debug("no SELECT on {}: {}", table.name(), e.getMessage());
                return false;
            }
            throw e;
        }
    }
}
