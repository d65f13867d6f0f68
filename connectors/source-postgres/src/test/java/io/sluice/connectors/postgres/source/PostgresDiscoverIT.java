package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.SyncMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discover over tables, views, materialized views, partitions and many tables at once. */
class PostgresDiscoverIT {
    private static final int MANY = 300;
    private PgTestSchema db;

    @BeforeEach
    void createTables() {
        db = new PgTestSchema(getClass());
        db.sql("CREATE TABLE $s.orders (tenant int, id bigint, note text, PRIMARY KEY (tenant, id))",
                "ALTER TABLE $s.orders DROP COLUMN note",
                "ALTER TABLE $s.orders ADD COLUMN note2 varchar(20)",
                "CREATE VIEW $s.order_notes AS SELECT id, note2 FROM $s.orders",
                "CREATE MATERIALIZED VIEW $s.order_counts AS SELECT tenant, count(*) n FROM $s.orders GROUP BY tenant",
                "CREATE TABLE $s.measures (at date, v float8) PARTITION BY RANGE (at)",
                "CREATE TABLE $s.measures_2024 PARTITION OF $s.measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
        StringBuilder many = new StringBuilder("DO $$ BEGIN FOR i IN 1.." + MANY + " LOOP EXECUTE format("
                + "'CREATE TABLE $s.%I (id serial PRIMARY KEY, a text, b numeric, c timestamptz)', 'many_' || i); "
                + "END LOOP; END $$");
        db.sql(many.toString());
    }

    @AfterEach
    void dropSchema() {
        db.close();
    }

    @Test
    void everyKindOfRelationWithKeysAndColumnOrder() {
        long start = System.nanoTime();
        Catalog catalog = new PostgresSource().discover(db.config());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Map<String, AirbyteStream> streams = catalog.streams().stream()
                .collect(Collectors.toMap(AirbyteStream::name, Function.identity()));
        assertThat(streams).hasSize(MANY + 4)
                .containsKeys("orders", "order_notes", "order_counts", "measures")
                .doesNotContainKey("measures_2024");
        AirbyteStream orders = streams.get("orders");
        assertThat(orders.jsonSchema().get("properties").fieldNames()).toIterable()
                .containsExactly("tenant", "id", "note2");
        assertThat(orders.sourceDefinedPrimaryKey()).containsExactly(List.of("tenant"), List.of("id"));
        assertThat(orders.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
        assertThat(orders.defaultCursorField()).isEmpty();
        assertThat(streams.get("order_notes").sourceDefinedPrimaryKey()).isEmpty();
        assertThat(streams.get("many_17").jsonSchema().get("properties").size()).isEqualTo(4);
        assertThat(took).as("discover of %d tables", MANY).isLessThan(Duration.ofSeconds(5));
    }
}
