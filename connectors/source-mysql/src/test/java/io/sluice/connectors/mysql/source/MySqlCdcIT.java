package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Binlog CDC reads against a throwaway MariaDB with the binary log on. */
class MySqlCdcIT {
    private static BinlogMariaDb server;
    private final MySqlSource source = new MySqlSource(1000, Duration.ofSeconds(1), Duration.ofSeconds(1));

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

    @Test
    void snapshotThenInsertsUpdatesAndDeletesFromTheStoredPosition() {
        server.sql("CREATE TABLE orders (id int PRIMARY KEY, name varchar(40), amount decimal(10,2), placed date)",
                "INSERT INTO orders VALUES (1, 'one', 1.50, '2024-01-01'), (2, 'two', 2.00, NULL),"
                        + " (3, 'three', 3.25, '2024-03-03')");
        ObjectNode config = server.config();
        assertThat(source.check(config).message()).isEmpty();
        AirbyteStream stream = SourceReads.stream(source, config, "orders");
        assertThat(stream.jsonSchema().path("properties").fieldNames()).toIterable().containsExactly("id", "name",
                "amount", "placed", "_ab_cdc_log_file", "_ab_cdc_log_pos", "_ab_cdc_updated_at", "_ab_cdc_deleted_at",
                "_ab_cdc_cursor");
        assertThat(stream.defaultCursorField()).containsExactly("_ab_cdc_cursor");
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(cdc(stream)));

        CollectingEmitter first = SourceReads.read(source, config, catalog, InputState.empty());

        assertThat(first.rows(0)).extracting(r -> r[0], r -> r[1], r -> r[2], r -> r[7]).containsExactlyInAnyOrder(
                tuple(1L, "one", new BigDecimal("1.50"), null), tuple(2L, "two", new BigDecimal("2.00"), null),
                tuple(3L, "three", new BigDecimal("3.25"), null));
        StateMessage afterSnapshot = first.lastState().orElseThrow();
        assertThat(afterSnapshot.type()).isEqualTo(StateMessage.StateType.GLOBAL);
        BinlogPosition snapshotAt = BinlogPosition.fromJson(afterSnapshot.global().orElseThrow().sharedState()
                .orElseThrow()).orElseThrow();
        assertThat(first.rows(0)).allSatisfy(r -> {
            assertThat(r[4]).isEqualTo(snapshotAt.file());
            assertThat(r[5]).isEqualTo(snapshotAt.pos());
            assertThat(r[8]).isEqualTo(snapshotAt.cursor());
        });
        assertThat(snapshotAt.gtid()).isPresent();

        server.sql("INSERT INTO orders VALUES (4, 'four', 4.00, '2024-04-04')",
                "UPDATE orders SET name = 'uno' WHERE id = 1", "DELETE FROM orders WHERE id = 2");
        CollectingEmitter second = SourceReads.read(source, config, catalog, first.toInputState());

        List<Object[]> changes = second.rows(0);
        assertThat(changes).extracting(r -> r[0], r -> r[1]).containsExactly(tuple(4L, "four"), tuple(1L, "uno"),
                tuple(2L, "two"));
        assertThat(changes.get(0)[3]).isEqualTo(LocalDate.of(2024, 4, 4));
        assertThat(changes.get(2)[7]).isInstanceOf(Instant.class);
        assertThat(changes.get(1)[7]).isNull();
        List<Long> cursors = new ArrayList<>();
        changes.forEach(r -> cursors.add((Long) r[8]));
        assertThat(cursors).isSorted().allSatisfy(c -> assertThat(c).isGreaterThan(snapshotAt.cursor()));
        BinlogPosition after = BinlogPosition.fromJson(second.lastState().orElseThrow().global().orElseThrow()
                .sharedState().orElseThrow()).orElseThrow();
        assertThat(after).isGreaterThan(snapshotAt);
        assertThat(after.gtid()).isPresent().isNotEqualTo(snapshotAt.gtid());

        // The second sync's state was never acknowledged: reading again from the first one loses nothing.
        CollectingEmitter again = SourceReads.read(source, config, catalog, first.toInputState());
        assertThat(again.rows(0)).extracting(r -> r[0]).containsExactly(4L, 1L, 2L);
        // From the acknowledged second state there is nothing new.
        CollectingEmitter third = SourceReads.read(source, config, catalog, second.toInputState());
        assertThat(third.recordCount()).isZero();
        assertThat(third.lastState()).isPresent();
    }

    @Test
    void aRowReadsAlikeFromTheSnapshotAndFromTheBinaryLog() {
        String columns = "(id, tiny_bool, bit1, bit5, u_int, u_big, m_int, f, d, dec1, dt, ts, tm, yr, day, v, latin,"
                + " e, s, blb, j, g, tx)";
        String values = " 1, 1, b'1', b'10101', 4294967295, 18446744073709551615, -8388608, 1.1, 2.5, -12.34,"
                + " '2024-02-29 13:14:15.123', '2024-02-29 13:14:15.123456', '12:34:56', 2024, '2024-02-29',"
                + " 'héllo ✓', 'café', 'Big', 'x,z', x'00ff10', '{\"k\": [1, 2.5, \"s\"], \"n\": null}',"
                + " ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 0))'), 'some text')";
        server.sql("CREATE TABLE typed (id int PRIMARY KEY, tiny_bool tinyint(1), bit1 bit(1), bit5 bit(5),"
                + " u_int int unsigned, u_big bigint unsigned, m_int mediumint, f float, d double, dec1 decimal(8,2),"
                + " dt datetime(3), ts timestamp(6) NULL, tm time, yr year, day date, v varchar(20),"
                + " latin varchar(10) CHARACTER SET latin1, e enum('Small','Big'), s set('x','y','z'), blb blob,"
                + " j json, g geometry, tx text)",
                "SET time_zone = '+00:00'",
                "INSERT INTO typed " + columns + " VALUES (" + values,
                "INSERT INTO typed (id) VALUES (10)");
        ObjectNode config = server.config();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(cdc(SourceReads.stream(source, config, "typed"))));
        CollectingEmitter first = SourceReads.read(source, config, catalog, InputState.empty());
        server.sql("SET time_zone = '+00:00'", "INSERT INTO typed " + columns + " VALUES (2," + values.substring(3),
                "INSERT INTO typed (id) VALUES (20)");
        CollectingEmitter second = SourceReads.read(source, config, catalog, first.toInputState());

        Object[] snapshot = first.rows(0).stream().filter(r -> r[0].equals(1L)).findFirst().orElseThrow();
        Object[] change = second.rows(0).stream().filter(r -> r[0].equals(2L)).findFirst().orElseThrow();
        int tableColumns = 23;
        assertThat(java.util.Arrays.copyOfRange(change, 1, tableColumns))
                .containsExactly(java.util.Arrays.copyOfRange(snapshot, 1, tableColumns));
        assertThat(change[21]).isEqualTo("POLYGON((0 0,10 0,10 10,0 0))");
        assertThat(change[5]).isEqualTo(new BigDecimal("18446744073709551615"));
        Object[] emptySnapshot = first.rows(0).stream().filter(r -> r[0].equals(10L)).findFirst().orElseThrow();
        Object[] emptyChange = second.rows(0).stream().filter(r -> r[0].equals(20L)).findFirst().orElseThrow();
        assertThat(java.util.Arrays.copyOfRange(emptyChange, 1, tableColumns))
                .containsExactly(java.util.Arrays.copyOfRange(emptySnapshot, 1, tableColumns));
    }

    @Test
    void fullRefreshStreamsAndStreamsAddedLaterAreReadFromTheirTables() {
        server.sql("CREATE TABLE mix_a (id int PRIMARY KEY, v text)", "INSERT INTO mix_a VALUES (1, 'a1')",
                "CREATE TABLE mix_b (id int PRIMARY KEY, v text)", "INSERT INTO mix_b VALUES (1, 'b1'), (2, 'b2')",
                "CREATE TABLE mix_c (id int PRIMARY KEY, v text)", "INSERT INTO mix_c VALUES (1, 'c1')");
        ObjectNode config = server.config();
        ConfiguredStream a = cdc(SourceReads.stream(source, config, "mix_a"));
        ConfiguredStream b = cdc(SourceReads.stream(source, config, "mix_b"));
        ConfiguredStream fullC = ConfiguredStream.of(SourceReads.stream(source, config, "mix_c"), SyncMode.FULL_REFRESH,
                List.of(), DestinationSyncMode.OVERWRITE, List.of(List.of("id")));

        CollectingEmitter first = SourceReads.read(source, config, new ConfiguredCatalog(List.of(a, fullC)),
                InputState.empty());
        assertThat(first.rows(0)).extracting(r -> r[1]).containsExactly("a1");
        assertThat(first.rows(1)).singleElement().satisfies(r -> {
            assertThat(r).hasSize(7);
            assertThat(r[1]).isEqualTo("c1");
            assertThat(r[3]).isInstanceOf(Long.class);
            assertThat(r[5]).isNull();
        });

        server.sql("UPDATE mix_b SET v = 'b2-new' WHERE id = 2", "INSERT INTO mix_a VALUES (2, 'a2')");
        CollectingEmitter second = SourceReads.read(source, config, new ConfiguredCatalog(List.of(a, b)),
                first.toInputState());
        assertThat(second.rows(0)).extracting(r -> r[1]).containsExactly("a2");
        // b's snapshot first, then its change since the stored position (older, so a lower cursor: dedup keeps the snapshot's)
        assertThat(second.rows(1)).extracting(r -> r[1]).containsExactly("b1", "b2-new", "b2-new");
        assertThat((Long) second.rows(1).get(2)[6]).isLessThan((Long) second.rows(1).get(0)[6]);
        assertThat(second.lastState().orElseThrow().global().orElseThrow().streamStates())
                .extracting(s -> s.streamDescriptor().name()).containsExactlyInAnyOrder("mix_a", "mix_b");

        server.sql("DELETE FROM mix_b WHERE id = 1");
        CollectingEmitter third = SourceReads.read(source, config, new ConfiguredCatalog(List.of(a, b)),
                second.toInputState());
        assertThat(third.rows(1)).extracting(r -> r[0], r -> r[5] != null).containsExactly(tuple(1L, true));
    }

    @Test
    void aBatchSyncEndsOnABusyServerWithoutLosingTheChangesAfterIt() throws Exception {
        server.sql("CREATE TABLE busy (id int PRIMARY KEY AUTO_INCREMENT, v int)", "INSERT INTO busy (v) VALUES (0)");
        ObjectNode config = server.config();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(cdc(SourceReads.stream(source, config, "busy"))));
        CollectingEmitter first = SourceReads.read(source, config, catalog, InputState.empty());
        server.sql("INSERT INTO busy (v) VALUES (1), (2), (3)");
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            try (var c = server.connect(); var s = c.createStatement()) {
                while (writing.get()) {
                    s.execute("INSERT INTO busy (v) VALUES (9)");
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            long started = System.nanoTime();
            CollectingEmitter second = SourceReads.read(source, config, catalog, first.toInputState());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(second.rows(0)).extracting(r -> r[1]).startsWith(1L, 2L, 3L);
            writing.set(false);
            writer.join();
            // what the second sync did not read, the third does: every id exactly once over the syncs
            CollectingEmitter third = SourceReads.read(source, config, catalog, second.toInputState());
            List<Long> ids = new ArrayList<>();
            for (CollectingEmitter sync : List.of(first, second, third)) {
                sync.rows(0).forEach(r -> ids.add((Long) r[0]));
            }
            long max;
            try (var c = server.connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT max(id) FROM busy")) {
                rs.next();
                max = rs.getLong(1);
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize((int) max);
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void aPurgedPositionIsAConfigErrorAskingForAReset() {
        server.sql("CREATE TABLE purged (id int PRIMARY KEY)", "INSERT INTO purged VALUES (1)");
        ObjectNode config = server.config();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(cdc(SourceReads.stream(source, config, "purged"))));
        CollectingEmitter first = SourceReads.read(source, config, catalog, InputState.empty());
        server.sql("INSERT INTO purged VALUES (2)");
        String stored = first.lastState().orElseThrow().global().orElseThrow().sharedState().orElseThrow()
                .get("file").asText();
        purgeUpTo(stored);
        assertThatThrownBy(() -> SourceReads.read(source, config, catalog, first.toInputState()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).contains("has been purged", "reset the connection");
                });
    }

    /** Purges binary logs until {@code file} is gone (MariaDB keeps a file until InnoDB has checkpointed past it). */
    private static void purgeUpTo(String file) {
        try (var c = server.connect(); var s = c.createStatement()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (BinlogDialect.files(c).contains(file)) {
                assertThat(System.nanoTime()).as("binlog " + file + " purged in time").isLessThan(deadline);
                s.execute("FLUSH BINARY LOGS");
                try (var rs = s.executeQuery("SHOW MASTER STATUS")) {
                    rs.next();
                    s.execute("PURGE BINARY LOGS TO '" + rs.getString(1) + "'");
                }
                Thread.sleep(300);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ConfiguredStream cdc(AirbyteStream stream) {
        return ConfiguredStream.of(stream, SyncMode.INCREMENTAL, List.of("_ab_cdc_cursor"),
                DestinationSyncMode.APPEND_DEDUP, List.of(List.of("id")));
    }
}
