package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
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
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A continuous CDC sync into destination-postgres (deduped): inserts, updates and deletes appear in
 * the destination while the sync keeps running; the slot's confirmed position follows the
 * acknowledged states; cancelling ends the sync CANCELLED with its last acknowledged state saved.
 */
class PostgresContinuousCdcIT {
    /** Generous: the point is that changes arrive while the sync runs, not how fast (bench/cdc measures that). */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static LogicalPostgres server;
    private final String target = "it_cdc_cont_" + Long.toString(System.nanoTime(), 36);

    @BeforeAll
    static void startServer() throws Exception {
        server = LogicalPostgres.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void changesAppearWhileTheSyncRunsAndCancelKeepsTheAcknowledgedState() throws Exception {
        server.sql("CREATE SCHEMA live",
                "CREATE TABLE live.items (id int PRIMARY KEY, name text, qty int)",
                "INSERT INTO live.items SELECT g, 'item ' || g, g FROM generate_series(1, 200) g",
                "CREATE PUBLICATION live_pub FOR TABLE live.items",
                "SELECT pg_create_logical_replication_slot('live_slot', 'pgoutput')");
        ObjectNode config = server.config("live", "live_slot", "live_pub");
        InMemoryStateStore state = new InMemoryStateStore();
        try (Connection pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            long slotAtStart = confirmedFlushLsn();
            SyncHandle sync = new SyncEngine().start(request(config, state));

            eventually(() -> sameRows(pg));
            server.sql("INSERT INTO live.items SELECT g, 'new ' || g, 1 FROM generate_series(201, 260) g",
                    "UPDATE live.items SET name = 'changed', qty = qty + 1000 WHERE id % 10 = 0",
                    "DELETE FROM live.items WHERE id % 25 = 1");
            eventually(() -> sameRows(pg));
            assertThat(count(pg, "SELECT count(*) FROM " + target + ".items WHERE name = 'changed'")).isEqualTo(26);
            server.sql("UPDATE live.items SET qty = -1 WHERE id = 7", "DELETE FROM live.items WHERE id = 8",
                    "INSERT INTO live.items VALUES (1000, 'late', 5)");
            eventually(() -> sameRows(pg));
            assertThat(sync.isDone()).as("a continuous sync keeps running").isFalse();
            // The acknowledged position reaches the slot while the sync runs: WAL does not pile up.
            eventually(() -> confirmedFlushLsn() > slotAtStart);
            // Writes to a table outside the publication: the heartbeat carries the slot past them too.
            server.sql("CREATE TABLE live.noise (n int)", "INSERT INTO live.noise SELECT generate_series(1, 1000)");
            long afterNoise = currentWalLsn();
            eventually(() -> confirmedFlushLsn() >= afterNoise);

            sync.cancel();
            SyncResult result = sync.await();
            assertThat(result.status()).isEqualTo(SyncResult.Status.CANCELLED);
            assertThat(result.recordsCommitted()).isGreaterThanOrEqualTo(200 + 60 + 26 + 8 + 3);
            JsonNode offset = state.load().global().orElseThrow().sharedState().orElseThrow().path("offset");
            assertThat(offset.path("lsn").asLong()).isGreaterThanOrEqualTo(afterNoise);
            assertThat(confirmedFlushLsn()).isLessThanOrEqualTo(offset.path("lsn").asLong());
            assertThat(slotActive()).as("Debezium let go of the slot").isFalse();
        } finally {
            try (Connection pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                    Statement s = pg.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + target + " CASCADE");
            }
        }
    }

    private SyncRequest request(ObjectNode config, InMemoryStateStore state) {
        PostgresSource source = new PostgresSource();
        Destination destination = ConnectorRegistry.load().destination("destination-postgres").orElseThrow();
        ObjectNode destinationConfig = JsonNodeFactory.instance.objectNode().put("host", "127.0.0.1").put("port", 5432)
                .put("database", "test").put("username", "postgres").put("schema", target);
        AirbyteStream items = source.discover(config).streams().stream().filter(s -> s.name().equals("items"))
                .findFirst().orElseThrow();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(items, SyncMode.INCREMENTAL,
                List.of("_ab_cdc_lsn"), DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")))));
        return SyncRequest.builder(source, config, destination, destinationConfig, catalog)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.DESTINATION, "", ""))
                .stateStore(state)
                .continuous(true)
                .build();
    }

    private static void eventually(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("condition not met within " + PATIENCE).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Whether the destination table holds exactly the source rows. */
    private boolean sameRows(Connection pg) throws SQLException {
        List<String> expected = rows(server.connect(), "live.items");
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + target + "' AND table_name = 'items'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return false;
            }
        }
        return rows(pg, target + ".items").equals(expected);
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id || '|' || name || '|' || qty FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static long confirmedFlushLsn() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (confirmed_flush_lsn - '0/0'::pg_lsn)::bigint FROM pg_replication_slots WHERE slot_name = 'live_slot'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long currentWalLsn() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean slotActive() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT active FROM pg_replication_slots WHERE slot_name = 'live_slot'")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Connection pg, String sql) throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
