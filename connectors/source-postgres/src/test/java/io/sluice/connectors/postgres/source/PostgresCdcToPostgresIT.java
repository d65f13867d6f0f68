package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.testkit.DyingDestination;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL CDC into PostgreSQL through the engine, deduplicated: inserts, updates and deletes
 * land; a sync that dies half-way resumes from the acknowledged state without loss or duplicates;
 * an added column propagates.
 */
class PostgresCdcToPostgresIT {
    private static LogicalPostgres server;
    private final String target = "it_cdc_dst_" + Long.toString(System.nanoTime(), 36);

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
    void changesLandAKilledSyncResumesExactlyAndAnAddedColumnPropagates() throws Exception {
        server.sql("CREATE SCHEMA app",
                "CREATE TABLE app.items (id int PRIMARY KEY, name text, qty int)",
                "INSERT INTO app.items SELECT g, 'item ' || g, g % 7 FROM generate_series(1, 3000) g",
                "CREATE PUBLICATION app_pub FOR TABLE app.items",
                "SELECT pg_create_logical_replication_slot('app_slot', 'pgoutput')");
        ObjectNode config = server.config("app", "app_slot", "app_pub");
        InMemoryStateStore state = new InMemoryStateStore();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (Connection pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            assertSucceeded(sync(config, state, Optional.empty()));
            assertSameRows(pg);

            server.sql("INSERT INTO app.items SELECT g, 'new ' || g, 1 FROM generate_series(3001, 3500) g",
                    "UPDATE app.items SET name = 'changed', qty = qty + 100 WHERE id % 10 = 0",
                    "DELETE FROM app.items WHERE id % 25 = 1");
            SyncResult killed = sync(config, state, Optional.of(3));
            assertThat(killed.status()).isNotEqualTo(SyncResult.Status.SUCCEEDED);
            SyncResult resumed = sync(config, state, Optional.empty());
            assertSucceeded(resumed);
            assertSameRows(pg);

            server.sql("ALTER TABLE app.items ADD COLUMN colour text",
                    "UPDATE app.items SET colour = 'red' WHERE id <= 10");
            assertSucceeded(sync(config, state, Optional.empty()));
            assertThat(count(pg, "SELECT count(*) FROM " + target + ".items WHERE colour = 'red'")).isEqualTo(9);
            assertSameRows(pg);
            // Debezium logs its whole configuration at DEBUG: the password must not be in it, nor anywhere else.
            assertThat(logs.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage().contains(LogicalPostgres.PASSWORD));
        } finally {
            root.detachAppender(logs);
            try (Connection pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                    Statement s = pg.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + target + " CASCADE");
            }
        }
    }

    private SyncResult sync(ObjectNode config, InMemoryStateStore state, Optional<Integer> failAfterChunks) {
        PostgresSource source = new PostgresSource(200, PostgresSource.CHUNK_THRESHOLD_PAGES, Duration.ofSeconds(1));
        Destination real = ConnectorRegistry.load().destination("destination-postgres").orElseThrow();
        Destination destination = failAfterChunks.<Destination>map(n -> new DyingDestination(real, n)).orElse(real);
        ObjectNode destinationConfig = JsonNodeFactory.instance.objectNode().put("host", "127.0.0.1").put("port", 5432)
                .put("database", "test").put("username", "postgres").put("schema", target);
        AirbyteStream items = source.discover(config).streams().stream().filter(s -> s.name().equals("items"))
                .findFirst().orElseThrow();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(items, SyncMode.INCREMENTAL,
                List.of("_ab_cdc_lsn"), DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")))));
        return new SyncEngine().run(SyncRequest.builder(source, config, destination, destinationConfig, catalog)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.DESTINATION, "", ""))
                .stateStore(state)
                .build());
    }

    private static void assertSucceeded(SyncResult result) {
        assertThat(result.status()).as(String.valueOf(result.failure())).isEqualTo(SyncResult.Status.SUCCEEDED);
    }

    /** The destination table holds exactly the source rows: same ids, names and quantities, no duplicates. */
    private void assertSameRows(Connection pg) throws SQLException {
        List<String> expected = new ArrayList<>();
        try (Connection source = server.connect(); Statement s = source.createStatement();
                ResultSet rs = s.executeQuery("SELECT id || '|' || name || '|' || qty FROM app.items ORDER BY id")) {
            while (rs.next()) {
                expected.add(rs.getString(1));
            }
        }
        List<String> actual = new ArrayList<>();
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id || '|' || name || '|' || qty FROM " + target + ".items ORDER BY id")) {
            while (rs.next()) {
                actual.add(rs.getString(1));
            }
        }
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
    }

    private static long count(Connection pg, String sql) throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
