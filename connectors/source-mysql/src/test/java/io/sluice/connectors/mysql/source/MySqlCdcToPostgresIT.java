package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.InputState;
import io.sluice.cdk.cdc.ContinuousMode;
import io.sluice.cdk.testkit.DyingDestination;
import io.sluice.engine.InMemoryStateStore;
import io.sluice.engine.NamespaceDefinition;
import io.sluice.engine.NamespaceMapping;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncHandle;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MariaDB binlog CDC into PostgreSQL through the engine, deduplicated: inserts, updates and deletes
 * land (hard and soft deletes); a sync killed mid-stream resumes from the acknowledged state without
 * loss or duplicates; an added column propagates; a continuous sync delivers changes until cancelled.
 */
class MySqlCdcToPostgresIT {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static BinlogMariaDb server;
    private final String target = "it_mycdc_dst_" + Long.toString(System.nanoTime(), 36);

    @BeforeAll
    static void startServer() throws Exception {
        server = BinlogMariaDb.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void dropTarget() throws SQLException {
        try (Connection pg = DriverManager.getConnection(PG_URL, "postgres", ""); Statement s = pg.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + target + " CASCADE");
        }
    }

    @Test
    void changesLandAKilledSyncResumesExactlyAndAnAddedColumnPropagates() throws Exception {
        server.sql("CREATE TABLE items (id int PRIMARY KEY, name varchar(40), qty int)",
                "INSERT INTO items " + values(1, 3000, "item"));
        InMemoryStateStore state = new InMemoryStateStore();
        try (Connection pg = DriverManager.getConnection(PG_URL, "postgres", "")) {
            assertSucceeded(sync("items", state, Optional.empty(), false));
            assertSameRows(pg, "items");
            InputState afterSnapshot = state.load();

            // 30 transactions, so the source checkpoints between them
            for (int i = 0; i < 10; i++) {
                int from = 3001 + i * 50;
                server.sql("INSERT INTO items " + values(from, from + 49, "new"),
                        "UPDATE items SET name = 'changed', qty = qty + 100 WHERE id % 10 = 0 AND id BETWEEN "
                                + (i * 350 + 1) + " AND " + (i * 350 + 350),
                        "DELETE FROM items WHERE id % 25 = 1 AND id BETWEEN " + (i * 350 + 1) + " AND " + (i * 350 + 350));
            }
            // slow chunks make the destination commit (every 10 s) before the kill
            SyncResult killed = sync("items", state, Optional.of(4), false);
            assertThat(killed.status()).isNotEqualTo(SyncResult.Status.SUCCEEDED);
            assertThat(state.load()).as("a checkpoint of the killed sync was acknowledged").isNotEqualTo(afterSnapshot);
            assertSucceeded(sync("items", state, Optional.empty(), false));
            assertSameRows(pg, "items");

            server.sql("ALTER TABLE items ADD COLUMN colour varchar(10)",
                    "UPDATE items SET colour = 'red' WHERE id <= 10", "INSERT INTO items VALUES (9000, 'late', 1, 'blue')");
            assertSucceeded(sync("items", state, Optional.empty(), false));
            assertThat(strings(pg, "SELECT id || ':' || colour FROM " + target + ".items WHERE colour IS NOT NULL"
                    + " ORDER BY id")).containsExactly("2:red", "3:red", "4:red", "5:red", "6:red", "7:red", "8:red", "9:red",
                            "10:red", "9000:blue");
            assertSameRows(pg, "items");
        }
    }

    @Test
    void softDeletesKeepTheDeletedRowsMarked() throws Exception {
        server.sql("CREATE TABLE soft (id int PRIMARY KEY, name varchar(40), qty int)",
                "INSERT INTO soft " + values(1, 50, "s"));
        InMemoryStateStore state = new InMemoryStateStore();
        try (Connection pg = DriverManager.getConnection(PG_URL, "postgres", "")) {
            assertSucceeded(sync("soft", state, Optional.empty(), true));
            server.sql("DELETE FROM soft WHERE id > 45", "UPDATE soft SET qty = 0 WHERE id = 1");
            assertSucceeded(sync("soft", state, Optional.empty(), true));
            assertThat(strings(pg, "SELECT id || ':' || (_ab_cdc_deleted_at IS NOT NULL) FROM " + target + ".soft"
                    + " WHERE id > 44 ORDER BY id")).containsExactly("45:false", "46:true", "47:true", "48:true",
                            "49:true", "50:true");
            assertThat(strings(pg, "SELECT qty::text FROM " + target + ".soft WHERE id = 1")).containsExactly("0");
            assertThat(strings(pg, "SELECT count(*)::text FROM " + target + ".soft")).containsExactly("50");
        }
    }

    @Test
    void aContinuousSyncDeliversChangesUntilCancelledAndTheNextSyncGoesOnExactly() throws Exception {
        server.sql("CREATE TABLE live (id int PRIMARY KEY, name varchar(40), qty int)",
                "INSERT INTO live " + values(1, 100, "l"));
        InMemoryStateStore state = new InMemoryStateStore();
        try (Connection pg = DriverManager.getConnection(PG_URL, "postgres", "")) {
            assertSucceeded(sync("live", state, Optional.empty(), false));
            int savesBefore = state.saveCount();
            SyncHandle handle = new SyncEngine().start(request("live", state, Optional.empty(), false,
                    ContinuousMode.request(server.config())));
            server.sql("INSERT INTO live " + values(101, 200, "c"), "DELETE FROM live WHERE id <= 5");
            awaitCount(pg, "SELECT count(*) FROM " + target + ".live", 195);
            server.sql("UPDATE live SET name = 'again' WHERE id = 150");
            awaitCount(pg, "SELECT count(*) FROM " + target + ".live WHERE name = 'again'", 1);
            assertThat(handle.isDone()).isFalse();
            handle.cancel();
            assertThat(handle.await().status()).isEqualTo(SyncResult.Status.CANCELLED);
            assertThat(state.saveCount()).isGreaterThan(savesBefore);

            server.sql("INSERT INTO live " + values(201, 210, "after"));
            assertSucceeded(sync("live", state, Optional.empty(), false));
            assertSameRows(pg, "live");
        }
    }

    private static String values(int from, int to, String prefix) {
        return "VALUES " + IntStream.rangeClosed(from, to).mapToObj(i -> "(" + i + ", '" + prefix + " " + i + "', "
                + (i % 7) + ")").collect(Collectors.joining(", "));
    }

    private SyncResult sync(String table, InMemoryStateStore state, Optional<Integer> failAfterChunks, boolean soft) {
        return new SyncEngine().run(request(table, state, failAfterChunks, soft, server.config()));
    }

    private SyncRequest request(String table, InMemoryStateStore state, Optional<Integer> failAfterChunks,
            boolean soft, ObjectNode config) {
        MySqlSource source = new MySqlSource(200, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Destination real = ConnectorRegistry.load().destination("destination-postgres").orElseThrow();
        Destination destination = failAfterChunks.<Destination>map(n -> new DyingDestination(real, n,
                Duration.ofMillis(3500))).orElse(real);
        ObjectNode destinationConfig = JsonNodeFactory.instance.objectNode().put("host", "127.0.0.1").put("port", 5432)
                .put("database", "test").put("username", "postgres").put("schema", target)
                .put("cdc_deletion_mode", soft ? "Soft delete" : "Hard delete");
        AirbyteStream stream = source.discover(config).streams().stream().filter(s -> s.name().equals(table))
                .findFirst().orElseThrow();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.INCREMENTAL,
                List.of("_ab_cdc_cursor"), DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")))));
        return SyncRequest.builder(source, config, destination, destinationConfig, catalog)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.DESTINATION, "", ""))
                .stateStore(state)
                .build();
    }

    private static void assertSucceeded(SyncResult result) {
        assertThat(result.status()).as(String.valueOf(result.failure())).isEqualTo(SyncResult.Status.SUCCEEDED);
    }

    /** The destination table holds exactly the source rows: same ids, names and quantities, no duplicates. */
    private void assertSameRows(Connection pg, String table) throws SQLException {
        List<String> expected = new ArrayList<>();
        try (Connection source = server.connect(); Statement s = source.createStatement();
                ResultSet rs = s.executeQuery("SELECT CONCAT(id, '|', name, '|', qty) FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                expected.add(rs.getString(1));
            }
        }
        List<String> actual = strings(pg, "SELECT id || '|' || name || '|' || qty FROM " + target + "." + table
                + " ORDER BY id");
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
    }

    private static void awaitCount(Connection pg, String sql, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                seen = rs.getLong(1);
            } catch (SQLException e) {
                seen = -1; // the table does not exist yet
            }
            if (seen == count) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(seen).as(sql).isEqualTo(count);
    }

    private static List<String> strings(Connection pg, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
