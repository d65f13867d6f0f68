package io.sluice.connectors.mysql.source;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowSchema;
import io.sluice.connectors.mysql.source.MySqlTable.MySqlColumn;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the row images of a binlog table become rows of its configured stream. Column names come from
 * the TABLE_MAP event when the server writes them ({@code binlog_row_metadata=FULL}), otherwise from
 * information_schema, which is read again whenever a TABLE_MAP shows another column count than the
 * one known (a column was added or dropped): so an added column reaches the stream once the catalog
 * has it. Types (and text charsets) come from information_schema, as for the Standard read.
 */
final class BinlogTables implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogTables.class);
    private static final String CHARSETS = """
            SELECT COLUMN_NAME, COLUMN_TYPE, CHARACTER_SET_NAME FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION
            """;

    private final MySqlConnections connections;
    private Connection connection;
    private boolean ownsConnection;
    private final Map<String, Integer> streamIndexByTable;
    private final List<RowSchema> schemas;
    private final Map<String, TableRows> known = new HashMap<>();

    /** @param streamIndexByTable {@code database.table} to the stream's index in the catalog */
    /**
     * @param connection the sync's connection, used while it stays valid (a continuous read may outlive
     *     the server's wait_timeout: then a new one is opened, and closed by {@link #close()})
     */
    BinlogTables(MySqlConnections connections, Connection connection, Map<String, Integer> streamIndexByTable,
            List<RowSchema> schemas) {
        this.connections = connections;
        this.connection = connection;
        this.streamIndexByTable = Map.copyOf(streamIndexByTable);
        this.schemas = List.copyOf(schemas);
    }

    /**
     * The mapping for a table's row images.
     *
     * @param streamIndex the stream in the catalog
     * @param sources for each stream column, its index in the row image; -1 for a column the image lacks
     * @param values the converter of each stream column (null where {@code sources} is -1)
     * @param columnCount the number of columns in the row images it was built for
     * @param eventNames the column names the TABLE_MAP carried, if any
     */
    record TableRows(int streamIndex, int[] sources, BinlogValues[] values, int columnCount,
            Optional<List<String>> eventNames) {}

    /** Empty when the table is not one of the sync's streams. */
    Optional<TableRows> rowsOf(TableMapEventData map) throws SQLException {
        String key = map.getDatabase() + "." + map.getTable();
        Integer index = streamIndexByTable.get(key);
        if (index == null) {
            return Optional.empty();
        }
        Optional<List<String>> eventNames = Optional.ofNullable(map.getEventMetadata())
                .map(m -> m.getColumnNames()).filter(n -> n != null && n.size() == map.getColumnTypes().length);
        TableRows rows = known.get(key);
        if (rows == null || rows.columnCount() != map.getColumnTypes().length
                || !rows.eventNames().equals(eventNames)) {
            rows = build(map, index, eventNames);
            known.put(key, rows);
        }
        return Optional.of(rows);
    }

    private TableRows build(TableMapEventData map, int index, Optional<List<String>> eventNames) throws SQLException {
        String database = map.getDatabase();
        String name = map.getTable();
        if (!connection.isValid(5)) {
            LOG.info("the catalog connection was closed by the server; opening a new one");
            close();
            connection = connections.open();
            ownsConnection = true;
        }
        MySqlTable table = MySqlCatalog.table(connection, database, name).orElseThrow(() -> ConnectorException.config(
                "table \"" + database + "." + name + "\" is in the binary log but no longer in the database"));
        Map<String, String[]> declared = declared(database, name);
        int count = map.getColumnTypes().length;
        List<String> names = eventNames.orElseGet(() -> table.columns().stream().map(MySqlColumn::name).toList());
        if (eventNames.isEmpty() && names.size() != count) {
            LOG.warn("{}.{}: the binary log has {} columns where the table has {} now, and no column names "
                    + "(binlog_row_metadata is not FULL); columns are matched by position", database, name, count,
                    names.size());
        }
        RowSchema schema = schemas.get(index);
        int[] sources = new int[schema.size()];
        BinlogValues[] values = new BinlogValues[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            String column = schema.column(i).name();
            int source = names.indexOf(column);
            Optional<MySqlColumn> typed = table.column(column);
            sources[i] = source >= 0 && source < count && typed.isPresent() ? source : -1;
            if (sources[i] >= 0) {
                String[] info = declared.getOrDefault(column, new String[] {typed.get().type().columnType(), null});
                values[i] = BinlogValues.of(typed.get().type(), charset(info[1]), map.getColumnTypes()[source] & 0xFF,
                        info[0]);
            }
        }
        LOG.info("{}.{}: binlog rows of {} columns mapped to stream {}", database, name, count, index);
        return new TableRows(index, sources, values, count, eventNames);
    }

    /** COLUMN_TYPE as declared and CHARACTER_SET_NAME, by column. */
    private Map<String, String[]> declared(String database, String table) throws SQLException {
        Map<String, String[]> declared = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(CHARSETS)) {
            s.setString(1, database);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    declared.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return declared;
    }

    /** The Java charset of a MySQL character set; null for none (binary). */
    static Charset charset(String mysql) {
        if (mysql == null || mysql.equals("binary")) {
            return null;
        }
        return switch (mysql) {
            case "utf8mb4", "utf8mb3", "utf8" -> StandardCharsets.UTF_8;
            case "latin1" -> Charset.forName("windows-1252");
            case "ascii" -> StandardCharsets.US_ASCII;
            case "ucs2" -> StandardCharsets.UTF_16BE;
            case "utf16" -> StandardCharsets.UTF_16BE;
            case "utf16le" -> StandardCharsets.UTF_16LE;
            case "utf32" -> Charset.forName("UTF-32BE");
            case "cp1250", "cp1251", "cp1256", "cp1257" -> Charset.forName("windows-" + mysql.substring(2));
            default -> {
                try {
                    yield Charset.forName(mysql);
                } catch (RuntimeException e) {
                    yield StandardCharsets.UTF_8;
                }
            }
        };
    }

    @Override
    public void close() {
        if (ownsConnection) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the catalog connection failed", e);
            }
            ownsConnection = false;
        }
    }

    /** Forgets what is known of every table (after DDL, the next TABLE_MAP reads the catalog again). */
    void forget() {
        known.clear();
    }
}
