package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logical replication reads against a real wal_level = logical cluster of its own. */
class PostgresCdcIT {
    private static LogicalPostgres server;
    private final PostgresSource source = new PostgresSource(1000, PostgresSource.CHUNK_THRESHOLD_PAGES,
            Duration.ofSeconds(1));

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
    void snapshotThenInsertsUpdatesDeletesAndTheSlotMovesOnlyToAcknowledgedPositions() throws Exception {
        server.sql("CREATE SCHEMA shop",
                "CREATE TABLE shop.orders (id int PRIMARY KEY, name text, amount numeric(10,2), placed date)",
                "INSERT INTO shop.orders VALUES (1, 'one', 1.50, '2024-01-01'), (2, 'two', 2.00, NULL),"
                        + " (3, 'three', 3.25, '2024-03-03')",
                "CREATE PUBLICATION shop_pub FOR TABLE shop.orders",
                "SELECT pg_create_logical_replication_slot('shop_slot', 'pgoutput')");
        ObjectNode config = server.config("shop", "shop_slot", "shop_pub");
        assertThat(source.check(config).status().name()).isEqualTo("SUCCEEDED");
        AirbyteStream stream = SourceReads.stream(source, config, "orders");
        assertThat(stream.jsonSchema().path("properties").fieldNames()).toIterable()
                .containsExactly("id", "name", "amount", "placed", "_ab_cdc_lsn", "_ab_cdc_updated_at",
                        "_ab_cdc_deleted_at");
        assertThat(stream.defaultCursorField()).containsExactly("_ab_cdc_lsn");
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.INCREMENTAL,
                List.of("_ab_cdc_lsn"), DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")))));

        CollectingEmitter first = SourceReads.read(source, config, catalog, InputState.empty());

        assertThat(first.rows(0)).extracting(r -> r[0], r -> r[1], r -> r[2])
                .containsExactlyInAnyOrder(tuple(1, "one", "1.50"), tuple(2, "two", "2.00"),
                        tuple(3, "three", "3.25"));
        assertThat(first.rows(0)).allSatisfy(r -> assertThat(r[6]).isNull());
        StateMessage afterSnapshot = first.lastState().orElseThrow();
        assertThat(afterSnapshot.type()).isEqualTo(StateMessage.StateType.GLOBAL);

        server.sql("INSERT INTO shop.orders VALUES (4, 'four', 4.00, '2024-04-04')",
                "UPDATE shop.orders SET name = 'uno' WHERE id = 1",
                "DELETE FROM shop.orders WHERE id = 2");
        CollectingEmitter second = SourceReads.read(source, config, catalog, first.toInputState());

        List<Object[]> changes = second.rows(0);
        assertThat(changes).extracting(r -> r[0], r -> r[1]).containsExactly(tuple(4, "four"), tuple(1, "uno"),
                tuple(2, null));
        assertThat(changes.get(0)[3]).isEqualTo(java.time.LocalDate.of(2024, 4, 4));
        assertThat(changes.get(2)[6]).isInstanceOf(Instant.class);
        assertThat(changes.get(1)[6]).isNull();
        List<Long> lsns = new ArrayList<>();
        changes.forEach(r -> lsns.add((Long) r[4]));
        assertThat(lsns).isSorted();
        long slotAfterSecond = confirmedFlush();

        // The second sync's state was never acknowledged: reading again from the first one loses nothing.
        CollectingEmitter again = SourceReads.read(source, config, catalog, first.toInputState());
        assertThat(again.rows(0)).extracting(r -> r[0]).containsExactly(4L, 1L, 2L);
        assertThat(confirmedFlush()).isEqualTo(slotAfterSecond);

        // Acknowledged: the next sync moves the slot to the second state's LSN and reads nothing new.
        CollectingEmitter third = SourceReads.read(source, config, catalog, second.toInputState());
        assertThat(third.recordCount()).isZero();
        long acknowledged = CdcOffsets.lsn(second.lastState().orElseThrow().global().orElseThrow().sharedState()
                .orElseThrow()).orElseThrow();
        assertThat(confirmedFlush()).isGreaterThanOrEqualTo(acknowledged).isGreaterThan(slotAfterSecond);
    }

    @Test
    void fullRefreshStreamsAndStreamsAddedLaterAreReadFromTheirTables() throws Exception {
        server.sql("CREATE SCHEMA mix",
                "CREATE TABLE mix.a (id int PRIMARY KEY, v text)", "INSERT INTO mix.a VALUES (1, 'a1')",
                "CREATE TABLE mix.b (id int PRIMARY KEY, v text)", "INSERT INTO mix.b VALUES (1, 'b1'), (2, 'b2')",
                "CREATE TABLE mix.c (id int PRIMARY KEY, v text)", "INSERT INTO mix.c VALUES (1, 'c1')",
                "CREATE PUBLICATION mix_pub FOR TABLE mix.a, mix.b",
                "SELECT pg_create_logical_replication_slot('mix_slot', 'pgoutput')");
        ObjectNode config = server.config("mix", "mix_slot", "mix_pub");
        ConfiguredStream a = cdc(SourceReads.stream(source, config, "a"));
        ConfiguredStream b = cdc(SourceReads.stream(source, config, "b"));
        AirbyteStream c = SourceReads.stream(source, config, "c");
        ConfiguredStream fullC = ConfiguredStream.of(c, SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.OVERWRITE,
                List.of(List.of("id")));

        CollectingEmitter first = SourceReads.read(source, config, new ConfiguredCatalog(List.of(a, fullC)),
                InputState.empty());
        assertThat(first.rows(0)).extracting(r -> r[1]).containsExactly("a1");
        assertThat(first.rows(1)).singleElement().satisfies(r -> {
            assertThat(r).hasSize(5);
            assertThat(r[1]).isEqualTo("c1");
            assertThat(r[2]).isInstanceOf(Long.class);
            assertThat(r[4]).isNull();
        });

        server.sql("UPDATE mix.b SET v = 'b2-new' WHERE id = 2", "INSERT INTO mix.a VALUES (2, 'a2')");
        CollectingEmitter second = SourceReads.read(source, config, new ConfiguredCatalog(List.of(a, b)),
                first.toInputState());

        assertThat(second.rows(0)).extracting(r -> r[1]).containsExactly("a2");
        // b's table first (its snapshot, LSN of the scan's start), then its change since the last sync's position
        assertThat(second.rows(1)).extracting(r -> r[1]).containsExactly("b1", "b2-new", "b2-new");
        long snapshotLsn = (Long) second.rows(1).get(0)[2];
        assertThat(second.rows(1).get(2)[2]).isInstanceOf(Long.class);
        assertThat(second.lastState().orElseThrow().global().orElseThrow().streamStates())
                .extracting(s -> s.streamDescriptor().name()).containsExactlyInAnyOrder("a", "b");
        assertThat(snapshotLsn).isPositive();

        server.sql("DELETE FROM mix.b WHERE id = 1");
        CollectingEmitter third = SourceReads.read(source, config, new ConfiguredCatalog(List.of(a, b)),
                second.toInputState());
        assertThat(third.rows(1)).extracting(r -> r[0], r -> r[4] != null).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, true));
    }

    @Test
    void whileReadingDataTheSlotMovesDuringTheSyncItself() throws Exception {
        server.sql("CREATE SCHEMA eager", "CREATE TABLE eager.t (id int PRIMARY KEY)", "INSERT INTO eager.t VALUES (1)",
                "CREATE PUBLICATION eager_pub FOR TABLE eager.t",
                "SELECT pg_create_logical_replication_slot('eager_slot', 'pgoutput')");
        ObjectNode config = server.config("eager", "eager_slot", "eager_pub");
        ((ObjectNode) config.get("replication_method")).put("lsn_commit_behaviour", "While reading Data");
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(cdc(SourceReads.stream(source, config, "t"))));
        CollectingEmitter first = SourceReads.read(source, config, catalog, InputState.empty());
        long before = confirmedFlush("eager_slot");

        server.sql("INSERT INTO eager.t SELECT g FROM generate_series(2, 100) g");
        CollectingEmitter second = SourceReads.read(source, config, catalog, first.toInputState());

        assertThat(second.rows(0)).hasSize(99);
        assertThat(confirmedFlush("eager_slot")).isGreaterThan(before);
    }

    private static ConfiguredStream cdc(AirbyteStream stream) {
        return ConfiguredStream.of(stream, SyncMode.INCREMENTAL, List.of("_ab_cdc_lsn"), DestinationSyncMode.APPEND_DEDUP,
                List.of(List.of("id")));
    }

    @Test
    void checkNamesTheMissingSlotPublicationAndPrivilege() {
        server.sql("CREATE SCHEMA chk", "CREATE TABLE chk.t (id int PRIMARY KEY)",
                "CREATE ROLE plain LOGIN PASSWORD '" + LogicalPostgres.PASSWORD + "'", "GRANT USAGE ON SCHEMA chk TO plain");
        assertThat(source.check(server.config("chk", "no_slot", "no_pub")).message().orElseThrow())
                .contains("replication slot \"no_slot\" does not exist", "pg_create_logical_replication_slot");
        server.sql("SELECT pg_create_logical_replication_slot('chk_slot', 'pgoutput')");
        assertThat(source.check(server.config("chk", "chk_slot", "no_pub")).message().orElseThrow())
                .contains("publication \"no_pub\" does not exist", "CREATE PUBLICATION");
        ObjectNode plain = server.config("chk", "chk_slot", "no_pub").put("username", "plain");
        assertThat(source.check(plain).message().orElseThrow()).contains("lacks the REPLICATION privilege");
    }

    @Test
    void checkExplainsAServerWithoutLogicalDecoding() {
        // The machine's main cluster runs with wal_level = replica.
        ObjectNode config = PgTestSchemaConfig.of("public");
        config.putObject("replication_method").put("method", "CDC").put("replication_slot", "s")
                .put("publication", "p");
        assertThat(source.check(config).message().orElseThrow()).contains("wal_level is 'replica'", "logical");
    }

    private long confirmedFlush() throws Exception {
        return confirmedFlush("shop_slot");
    }

    private static long confirmedFlush(String slot) throws Exception {
        try (Connection c = server.connect()) {
            return new ReplicationSlot(slot).info(c).orElseThrow().confirmedFlushLsn();
        }
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = values[i] instanceof Integer n ? (Object) n.longValue()
                    : values[i] instanceof String s && s.matches("\\d+\\.\\d\\d") ? new BigDecimal(s) : values[i];
        }
        return org.assertj.core.groups.Tuple.tuple(converted);
    }
}
