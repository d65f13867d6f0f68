package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.engine.InMemoryStateStore;
import io.sluice.engine.NamespaceDefinition;
import io.sluice.engine.NamespaceMapping;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MariaDB to PostgreSQL through the engine, as a user runs it: a first sync copies the tables, a
 * second moves only the changed rows and the deduplicated table ends equal to the source.
 */
class MySqlToPostgresIT {
    private static final int ROWS = 20_000;
    private MySqlTestDatabase db;
    private Connection pg;
    private String target;

    @BeforeEach
    void createTables() throws SQLException {
        db = new MySqlTestDatabase(getClass());
        db.sql("CREATE TABLE orders (id int PRIMARY KEY, customer varchar(40), amount decimal(12,2), paid bool, "
                        + "created date, updated_at datetime(3) NOT NULL, doc json)",
                "INSERT INTO orders SELECT seq, CONCAT('customer ', seq % 977), (seq % 10000) / 100, seq % 2, "
                        + "DATE '2024-01-01' + INTERVAL (seq % 365) DAY, "
                        + "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (seq DIV 10) SECOND, "
                        + "JSON_OBJECT('n', seq) FROM seq_1_to_" + ROWS,
                "CREATE TABLE countries (code char(2) PRIMARY KEY, name varchar(40))",
                "INSERT INTO countries VALUES ('FR', 'France'), ('DE', 'Germany'), ('JP', 'Japan')");
        target = db.name() + "_dst";
        pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
    }

    @AfterEach
    void dropEverything() throws SQLException {
        try {
            sql("DROP SCHEMA IF EXISTS " + target + " CASCADE");
        } finally {
            pg.close();
            db.close();
        }
    }

    @Test
    void tablesArriveInPostgresAndTheSecondSyncMovesOnlyChanges() throws SQLException {
        InMemoryStateStore state = new InMemoryStateStore();

        SyncResult first = new SyncEngine().run(request(state));

        assertThat(first.status()).as(String.valueOf(first.failure())).isEqualTo(SyncResult.Status.SUCCEEDED);
        assertThat(count("SELECT count(*) FROM " + target + ".orders")).isEqualTo(ROWS);
        assertThat(text("SELECT sum(amount)::text FROM " + target + ".orders")).isEqualTo(
                mariaDbText("SELECT CAST(sum(amount) AS CHAR) FROM orders"));
        assertThat(text("SELECT customer || '|' || amount || '|' || paid || '|' || created || '|' || updated_at "
                + "FROM " + target + ".orders WHERE id = 12345"))
                .isEqualTo("customer 621|23.45|true|2024-10-27|2024-01-01 00:20:34");
        assertThat(count("SELECT count(*) FROM " + target + ".countries")).isEqualTo(3);
        assertThat(text("SELECT string_agg(code || '=' || name, ',' ORDER BY code) FROM " + target + ".countries"))
                .isEqualTo("DE=Germany,FR=France,JP=Japan");

        db.sql("UPDATE orders SET customer = 'changed', updated_at = TIMESTAMP '2030-01-01 00:00:00' + INTERVAL id "
                        + "SECOND WHERE id % 1000 = 0",
                "INSERT INTO orders (id, customer, amount, paid, created, updated_at) "
                        + "VALUES (" + (ROWS + 1) + ", 'new', 1.00, 0, '2030-01-01', '2031-01-01 00:00:00')");
        SyncResult second = new SyncEngine().run(request(state));

        assertThat(second.status()).as(String.valueOf(second.failure())).isEqualTo(SyncResult.Status.SUCCEEDED);
        // the changed and new orders, plus the three countries of the full refresh
        assertThat(second.recordsEmitted()).isEqualTo(ROWS / 1000 + 1 + 3);
        assertThat(count("SELECT count(*) FROM " + target + ".orders")).isEqualTo(ROWS + 1);
        assertThat(count("SELECT count(*) FROM " + target + ".orders WHERE customer = 'changed'")).isEqualTo(ROWS / 1000);
        assertThat(count("SELECT count(DISTINCT id) FROM " + target + ".orders")).isEqualTo(ROWS + 1);
    }

    private SyncRequest request(InMemoryStateStore state) {
        MySqlSource source = new MySqlSource();
        Destination destination = ConnectorRegistry.load().destination("destination-postgres").orElseThrow();
        ObjectNode destinationConfig = JsonNodeFactory.instance.objectNode().put("host", "127.0.0.1").put("port", 5432)
                .put("database", "test").put("username", "postgres").put("schema", target);
        List<AirbyteStream> streams = source.discover(db.config()).streams();
        AirbyteStream orders = streams.stream().filter(s -> s.name().equals("orders")).findFirst().orElseThrow();
        AirbyteStream countries = streams.stream().filter(s -> s.name().equals("countries")).findFirst().orElseThrow();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(
                ConfiguredStream.of(orders, SyncMode.INCREMENTAL, List.of("updated_at"), DestinationSyncMode.APPEND_DEDUP,
                        List.of(List.of("id"))),
                ConfiguredStream.of(countries, SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.OVERWRITE,
                        List.of(List.of("code")))));
        return SyncRequest.builder(source, db.config(), destination, destinationConfig, catalog)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.DESTINATION, "", ""))
                .stateStore(state)
                .build();
    }

    private void sql(String statement) throws SQLException {
        try (Statement s = pg.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        return Long.parseLong(text(query));
    }

    private String text(String query) throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private String mariaDbText(String query) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
