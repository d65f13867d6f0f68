package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.engine.InMemoryStateStore;
import io.sluice.engine.NamespaceDefinition;
import io.sluice.engine.NamespaceMapping;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncHandle;
import io.sluice.engine.SyncListener;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL to PostgreSQL through the engine, as a user runs it: a sync stopped half-way resumes
 * from the acknowledged state and ends with every row, none lost, none doubled.
 */
class PostgresPipelineIT {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final int ROWS = 250_000;

    @TempDir
    Path dir;

    private String source;
    private String target;
    private Connection db;

    @BeforeEach
    void createSchemas() throws SQLException {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        source = "it_pipe_src_" + suffix;
        target = "it_pipe_dst_" + suffix;
        db = DriverManager.getConnection(URL, "postgres", "");
        sql("CREATE SCHEMA " + source);
        sql("CREATE TABLE " + source + ".orders (id bigint PRIMARY KEY, customer text, amount numeric(12,2), "
                + "updated_at timestamptz NOT NULL)");
        sql("INSERT INTO " + source + ".orders SELECT g, 'customer ' || (g % 977), (g % 10000) / 100.0, "
                + "timestamptz '2024-01-01' + (g / 10) * interval '1 second' FROM generate_series(1, " + ROWS + ") g");
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        try {
            sql("DROP SCHEMA IF EXISTS " + source + " CASCADE");
            sql("DROP SCHEMA IF EXISTS " + target + " CASCADE");
        } finally {
            db.close();
        }
    }

    @Test
    void aSyncStoppedHalfWayResumesWithoutLosingOrDoublingRows() throws Exception {
        InMemoryStateStore state = new InMemoryStateStore();
        AtomicReference<SyncHandle> running = new AtomicReference<>();
        SyncListener stopHalfWay = new SyncListener() {
            @Override
            public void onProgress(io.sluice.engine.SyncProgress progress) {
                if (progress.recordsEmitted() >= ROWS / 2) {
                    running.get().cancel();
                }
            }
        };
        SyncHandle first = new SyncEngine().start(request(state, stopHalfWay, java.time.Duration.ofMillis(20)));
        running.set(first);
        SyncResult stopped = first.await();

        assertThat(stopped.status()).isEqualTo(SyncResult.Status.CANCELLED);
        // whatever the destination committed before the stop is exactly what the saved state covers
        long committed = tableExists() ? count("SELECT count(*) FROM " + target + ".orders") : 0;
        assertThat(committed).isLessThan(ROWS);
        assertThat(stopped.recordsCommitted()).isEqualTo(committed);
        assertThat(state.load().messages().isEmpty()).isEqualTo(committed == 0);

        SyncResult resumed = new SyncEngine().run(request(state, new SyncListener() { }, java.time.Duration.ofSeconds(1)));

        assertThat(resumed.status()).as(resumed.failure().toString()).isEqualTo(SyncResult.Status.SUCCEEDED);
        assertThat(resumed.recordsCommitted()).isLessThanOrEqualTo(ROWS - committed + 10);
        assertThat(count("SELECT count(*) FROM " + target + ".orders")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT id) FROM " + target + ".orders")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM " + target + ".orders d JOIN " + source + ".orders s USING (id) "
                + "WHERE d.amount = s.amount AND d.customer = s.customer AND d.updated_at = s.updated_at"))
                .isEqualTo(ROWS);
    }

    @Test
    void aPipelineFileSyncsPostgresToPostgresAndMovesOnlyChangesTheSecondTime() throws Exception {
        Path file = dir.resolve("pg.yaml");
        Files.writeString(file, """
                source:
                  connector: source-postgres
                  config: {host: 127.0.0.1, port: 5432, database: test, username: postgres, schemas: [%s]}
                destination:
                  connector: destination-postgres
                  config: {host: 127.0.0.1, port: 5432, database: test, username: postgres, schema: %s}
                streams:
                  - {name: orders, sync_mode: incremental, cursor_field: [updated_at], destination_sync_mode: append_dedup}
                namespace: destination
                """.formatted(source, target));
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("run", file.toString())).isZero();
            sql("UPDATE " + source + ".orders SET customer = 'changed', updated_at = timestamptz '2030-01-01' + id * "
                    + "interval '1 second' WHERE id % 1000 = 0");
            printed.reset();
            assertThat(Main.execute("run", file.toString())).isZero();
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString()).containsPattern("orders\\s+incremental \\| append_dedup\\s+25[0-9]\\b");
        assertThat(count("SELECT count(*) FROM " + target + ".orders")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM " + target + ".orders WHERE customer = 'changed'")).isEqualTo(ROWS / 1000);
    }

    private boolean tableExists() throws SQLException {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + target
                + "' AND table_name = 'orders'") == 1;
    }

    private SyncRequest request(InMemoryStateStore state, SyncListener listener, java.time.Duration progressEvery) {
        ConnectorRegistry registry = ConnectorRegistry.load();
        Source pg = registry.source("source-postgres").orElseThrow();
        Destination pgDestination = registry.destination("destination-postgres").orElseThrow();
        ObjectNode sourceConfig = connection();
        sourceConfig.putArray("schemas").add(source);
        ObjectNode destinationConfig = connection().put("schema", target);
        AirbyteStream orders = pg.discover(sourceConfig).streams().get(0);
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(orders, SyncMode.INCREMENTAL,
                List.of("updated_at"), DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")))));
        return SyncRequest.builder(pg, sourceConfig, pgDestination, destinationConfig, catalog)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.DESTINATION, "", ""))
                .stateStore(state)
                .listener(listener)
                .progressInterval(progressEvery)
                .build();
    }

    private static ObjectNode connection() {
        return JsonNodeFactory.instance.objectNode().put("host", "127.0.0.1").put("port", 5432)
                .put("database", "test").put("username", "postgres");
    }

    private void sql(String statement) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
