package io.sluice.connectors.faker;

import static io.sluice.connectors.faker.FakerReads.PRODUCTS;
import static io.sluice.connectors.faker.FakerReads.PURCHASES;
import static io.sluice.connectors.faker.FakerReads.USERS;
import static io.sluice.connectors.faker.FakerReads.assertUpdatedAtIncreasesWithId;
import static io.sluice.connectors.faker.FakerReads.catalog;
import static io.sluice.connectors.faker.FakerReads.config;
import static io.sluice.connectors.faker.FakerReads.longs;
import static io.sluice.connectors.faker.FakerReads.read;
import static io.sluice.connectors.faker.FakerReads.text;
import static io.sluice.connectors.faker.FakerReads.updatedAtColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import io.sluice.protocol.TraceMessage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakerSourceTest {
    private final FakerSource source = new FakerSource();

    @Test
    void isFoundThroughServiceLoaderByItsOwnAndItsAirbyteName() {
        ConnectorRegistry registry = ConnectorRegistry.load();
        assertThat(registry.source("source-faker")).containsInstanceOf(FakerSource.class);
        assertThat(registry.source("airbyte/source-faker:6.2.1")).containsInstanceOf(FakerSource.class);
    }

    @Test
    void specUsesAirbyteFieldNames() {
        JsonNode properties = source.spec().connectionSpecification().get("properties");
        assertThat(properties.fieldNames()).toIterable()
                .containsExactly("count", "seed", "records_per_slice", "always_updated", "parallelism");
        assertThat(properties.at("/count/default").asLong()).isEqualTo(1000);
        assertThat(properties.at("/seed/default").asLong()).isEqualTo(-1);
        assertThat(properties.at("/always_updated/default").asBoolean()).isFalse();
        assertThat(source.spec().supportsIncremental()).contains(true);
    }

    @Test
    void checkAcceptsDefaultsAndNamesTheBadField() {
        assertThat(source.check(JsonNodeFactory.instance.objectNode()).isSucceeded()).isTrue();
        assertThat(source.check(config(10, 1, 5, false)).isSucceeded()).isTrue();

        ConnectionStatus zero = source.check(config(0, 1, 5, false));
        assertThat(zero.isSucceeded()).isFalse();
        assertThat(zero.message()).hasValueSatisfying(m -> assertThat(m).contains("count").contains(">= 1"));

        ObjectNode bad = config(10, 1, 5, false);
        bad.put("records_per_slice", "many").put("always_updated", "yes").put("seed", 1.5);
        assertThat(source.check(bad).message()).hasValueSatisfying(m -> assertThat(m)
                .contains("records_per_slice").contains("always_updated").contains("seed").doesNotContain("count"));

        ObjectNode huge = config(10, 1, 5, false);
        huge.put("seed", new BigInteger("123456789012345678901234567890"));
        assertThat(source.check(huge).message()).hasValueSatisfying(m -> assertThat(m).contains("seed"));
        assertThat(source.check(config(FakerConfig.MAX_COUNT + 1, 1, 5, false)).message())
                .hasValueSatisfying(m -> assertThat(m).contains("count"));

        assertThat(source.check(JsonNodeFactory.instance.arrayNode()).isSucceeded()).isFalse();
        assertThat(source.check(null).isSucceeded()).isFalse();
    }

    @Test
    void readAndDiscoverRejectABadConfigAsConfigError() {
        assertThatThrownBy(() -> source.discover(config(-5, 1, 5, false)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining("count");
    }

    @Test
    void discoverOffersThreeIncrementalStreamsKeyedById() {
        Catalog catalog = source.discover(config(10, 1, 5, false));
        assertThat(catalog.streams()).extracting(AirbyteStream::name)
                .containsExactly("users", "products", "purchases");
        for (AirbyteStream stream : catalog.streams()) {
            assertThat(stream.namespace()).isEmpty();
            assertThat(stream.supportedSyncModes()).contains(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
            assertThat(stream.sourceDefinedCursor()).contains(true);
            assertThat(stream.defaultCursorField()).containsExactly("updated_at");
            assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
        }
        RowSchema users = RowSchema.of(catalog.streams().get(USERS).jsonSchema());
        assertThat(users.columns()).extracting(RowSchema.Column::name).containsExactly("id", "created_at",
                "updated_at", "name", "title", "age", "email", "telephone", "gender", "language",
                "academic_degree", "nationality", "occupation", "height", "blood_type", "weight", "address");
        assertThat(users.column(users.indexOf("address").getAsInt()).type()).isEqualTo(ValueType.OBJECT);
        RowSchema purchases = RowSchema.of(catalog.streams().get(PURCHASES).jsonSchema());
        assertThat(purchases.column(purchases.indexOf("line_items").getAsInt()).type()).isEqualTo(ValueType.ARRAY);
    }

    @Test
    void sameSeedAndCountGiveTheSameRowsAndAnotherSeedOtherRows() {
        RecordingEmitter first = read(config(200, 42, 50, true), SyncMode.FULL_REFRESH, InputState.empty());
        RecordingEmitter second = read(config(200, 42, 50, true), SyncMode.FULL_REFRESH, InputState.empty());
        RecordingEmitter other = read(config(200, 43, 50, true), SyncMode.FULL_REFRESH, InputState.empty());
        for (int stream : new int[] {USERS, PRODUCTS, PURCHASES}) {
            assertThat(text(second.rows(stream))).isEqualTo(text(first.rows(stream)));
        }
        assertThat(text(other.rows(USERS))).isNotEqualTo(text(first.rows(USERS)));
        assertThat(text(other.rows(PURCHASES))).isNotEqualTo(text(first.rows(PURCHASES)));
        assertThat(text(other.rows(PRODUCTS))).as("the catalogue is fixed").isEqualTo(text(first.rows(PRODUCTS)));
    }

    @Test
    void recordJsonIsTheSameByteForByteAcrossReads() {
        Catalog catalog = source.discover(config(200, 42, 50, true));
        RecordingEmitter first = read(config(200, 42, 50, true), SyncMode.FULL_REFRESH, InputState.empty());
        RecordingEmitter second = read(config(200, 42, 50, true), SyncMode.FULL_REFRESH, InputState.empty());
        for (int stream : new int[] {USERS, PRODUCTS, PURCHASES}) {
            RowSchema schema = RowSchema.of(catalog.streams().get(stream).jsonSchema());
            assertThat(json(schema, second.rows(stream))).isEqualTo(json(schema, first.rows(stream)));
        }
        RowSchema users = RowSchema.of(catalog.streams().get(USERS).jsonSchema());
        // Pinned: the same seed must give the same data in every release, not only within one JVM.
        assertThat(RowJson.toJson(users, first.rows(USERS).get(0)).toString()).isEqualTo("""
                {"id":1,"created_at":"2020-01-01T00:00:01Z","updated_at":"2024-01-01T00:00:01Z",\
                "name":"Steven Jackson","title":"Prof.","age":33,"email":"steven.jackson1@mail.example.com",\
                "telephone":"+1-509-523-2771","gender":"Male","language":"Turkish","academic_degree":"PhD",\
                "nationality":"French","occupation":"Physician","height":1.98,"blood_type":"O+","weight":45,\
                "address":{"street_number":"5730","street_name":"Church Street","city":"Springfield",\
                "state":"Alaska","province":"British Columbia","postal_code":"47350","country_code":"EG"}}""");
    }

    @Test
    void randomSeedGivesDifferentUsersEachRead() {
        RecordingEmitter first = read(config(50, -1, 50, true), SyncMode.FULL_REFRESH, InputState.empty());
        RecordingEmitter second = read(config(50, -1, 50, true), SyncMode.FULL_REFRESH, InputState.empty());
        assertThat(text(second.rows(USERS))).isNotEqualTo(text(first.rows(USERS)));
    }

    @Test
    void emitsCountUsersTheCatalogueAndPurchasesOfThoseUsers() {
        RecordingEmitter out = read(config(1000, 7, 1000, true), SyncMode.FULL_REFRESH, InputState.empty());

        List<Object[]> users = out.rows(USERS);
        assertThat(users).hasSize(1000);
        assertThat(users).extracting(r -> r[0]).containsExactlyElementsOf(longs(1, 1000));
        assertThat(out.rows(PRODUCTS)).hasSize(100);
        assertThat(out.rows(PRODUCTS)).extracting(r -> r[0]).containsExactlyElementsOf(longs(1, 100));

        List<Object[]> purchases = out.rows(PURCHASES);
        assertThat(purchases.size()).isBetween(900, 1300);
        assertThat(purchases).extracting(r -> r[0]).containsExactlyElementsOf(longs(1, purchases.size()));
        assertThat(purchases).allSatisfy(r -> assertThat((Long) r[1]).isBetween(1L, 1000L));
        long buyers = purchases.stream().map(r -> r[1]).distinct().count();
        assertThat(buyers).as("some users buy nothing").isBetween(500L, 900L);
        assertThat(purchases).allSatisfy(r -> assertThat((Long) r[2]).isBetween(1L, 100L));
        assertThat(purchases).anySatisfy(r -> assertThat(r[4]).isNull());
        assertThat(purchases).anySatisfy(r -> assertThat(r[5]).isNotNull());

        for (int stream : new int[] {USERS, PRODUCTS, PURCHASES}) {
            assertUpdatedAtIncreasesWithId(out.rows(stream), updatedAtColumn(stream));
        }
    }

    @Test
    void rowValuesHaveTheJavaClassesOfTheirValueTypes() {
        RecordingEmitter out = read(config(300, 3, 100, true), SyncMode.FULL_REFRESH, InputState.empty());
        Catalog catalog = source.discover(config(300, 3, 100, true));
        for (int stream : new int[] {USERS, PRODUCTS, PURCHASES}) {
            RowSchema schema = RowSchema.of(catalog.streams().get(stream).jsonSchema());
            assertThat(out.rows(stream)).allSatisfy(row -> assertMatches(schema, row));
        }

        Object[] user = out.rows(USERS).get(0);
        assertThat(user[16]).isInstanceOfSatisfying(Map.class, address -> assertThat(address.keySet())
                .containsExactly("street_number", "street_name", "city", "state", "province", "postal_code",
                        "country_code"));
        assertThat((String) user[6]).matches("[a-z]+\\.[a-z]+1@[a-z.]+");
        assertThat((String) user[7]).matches("\\+1-\\d{3}-\\d{3}-\\d{4}");

        Object[] purchase = out.rows(PURCHASES).get(0);
        assertThat(purchase[8]).isInstanceOfSatisfying(List.class, items -> {
            assertThat(items).isNotEmpty();
            assertThat(items.get(0)).isInstanceOfSatisfying(Map.class, item -> {
                assertThat(item.keySet()).containsExactly("product_id", "quantity", "price");
                assertThat(item.get("product_id")).isEqualTo(purchase[2]);
                assertThat(item.get("quantity")).isInstanceOf(Long.class);
                assertThat(item.get("price")).isInstanceOf(Double.class);
            });
        });
    }

    @Test
    void announcesEachStreamWithAnEstimateAndEndsItWithComplete() {
        RecordingEmitter out = read(config(1000, 1, 1000, true), SyncMode.FULL_REFRESH, InputState.empty());
        List<TraceMessage> estimates = out.traces.stream()
                .filter(t -> t.type() == TraceMessage.TraceType.ESTIMATE).toList();
        assertThat(estimates).extracting(t -> t.estimate().orElseThrow().name())
                .containsExactly("users", "products", "purchases");
        assertThat(estimates).extracting(t -> t.estimate().orElseThrow().rowEstimate().orElseThrow())
                .containsExactly(1000L, 100L, 1100L);
        assertThat(out.traces.stream().filter(t -> t.type() == TraceMessage.TraceType.STREAM_STATUS)
                        .map(t -> t.streamStatus().orElseThrow())
                        .map(s -> s.streamDescriptor().name() + " " + s.status()))
                .containsExactly("users STARTED", "users COMPLETE", "products STARTED", "products COMPLETE",
                        "purchases STARTED", "purchases COMPLETE");
    }

    @Test
    void followsTheColumnOrderOfTheConfiguredSchema() {
        AirbyteStream users = source.discover(config(5, 1, 5, true)).streams().get(USERS);
        ObjectNode narrow = new RowSchema.JsonSchemaBuilder()
                .property("email", users.jsonSchema().at("/properties/email").deepCopy())
                .property("id", users.jsonSchema().at("/properties/id").deepCopy())
                .build();
        AirbyteStream narrowed = new AirbyteStream("users", narrow, users.supportedSyncModes(),
                users.sourceDefinedCursor(), users.defaultCursorField(), users.sourceDefinedPrimaryKey(),
                users.namespace(), users.isResumable(), Map.of());
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(
                narrowed, SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.APPEND, List.of())));
        RecordingEmitter out = new RecordingEmitter();
        source.read(config(5, 1, 5, true), catalog, InputState.empty(), out);

        assertThat(out.rows(0)).hasSize(5).allSatisfy(r -> {
            assertThat(r).hasSize(2);
            assertThat((String) r[0]).contains("@");
            assertThat(r[1]).isInstanceOf(Long.class);
        });
    }

    @Test
    void unknownStreamIsAConfigError() {
        AirbyteStream users = source.discover(config(5, 1, 5, true)).streams().get(USERS);
        AirbyteStream orders = users.renamed(Optional.empty(), "orders");
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(
                orders, SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.APPEND, List.of())));
        assertThatThrownBy(() -> source.read(config(5, 1, 5, true), catalog, InputState.empty(),
                        new RecordingEmitter()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining("orders");
    }

    @Test
    void stopsWhenTheThreadIsInterrupted() {
        RecordingEmitter out = new RecordingEmitter();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> source.read(config(1_000_000, 1, 1000, true), catalog(SyncMode.FULL_REFRESH),
                    InputState.empty(), out)).isInstanceOf(SyncCancelledException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(out.events.size()).isLessThan(1025);
    }

    @Test
    void readsAMillionUsersInConstantMemory() {
        CountingEmitter out = new CountingEmitter();
        long started = System.nanoTime();
        source.read(config(1_000_000, 9, 10_000, true), catalog(SyncMode.INCREMENTAL), InputState.empty(), out);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(out.rowsPerStream[USERS]).isEqualTo(1_000_000);
        assertThat(out.lastUserId).isEqualTo(1_000_000);
        assertThat(out.rowsPerStream[PRODUCTS]).isEqualTo(100);
        assertThat(out.rowsPerStream[PURCHASES]).isBetween(1_050_000L, 1_150_000L);
        assertThat(out.states).isGreaterThanOrEqualTo(100 + 1 + 100);
        assertThat(seconds).isLessThan(20);
    }

    private static String json(RowSchema schema, List<Object[]> rows) {
        StringBuilder json = new StringBuilder();
        rows.forEach(row -> json.append(RowJson.toJson(schema, row)).append('\n'));
        return json.toString();
    }

    private static void assertMatches(RowSchema schema, Object[] row) {
        assertThat(row).hasSize(schema.size());
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                continue;
            }
            Class<?> expected = switch (schema.column(i).type()) {
                case STRING -> String.class;
                case INTEGER -> Long.class;
                case NUMBER -> row[i] instanceof BigDecimal ? BigDecimal.class : Double.class;
                case BOOLEAN -> Boolean.class;
                case TIMESTAMP_TZ -> Instant.class;
                case OBJECT -> Map.class;
                case ARRAY -> List.class;
                default -> Object.class;
            };
            assertThat(row[i]).as(schema.column(i).name()).isInstanceOf(expected);
        }
    }
}
