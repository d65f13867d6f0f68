package io.sluice.connectors.faker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.Source;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import io.sluice.protocol.TraceMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FakerSourceTest {
    private static final int USERS = 0;
    private static final int PRODUCTS = 1;
    private static final int PURCHASES = 2;

    private final FakerSource source = new FakerSource();

    @Test
    void isFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(Source.class).stream().map(p -> p.get().name()))
                .contains("source-faker");
    }

    @Test
    void specUsesAirbyteFieldNames() {
        JsonNode properties = source.spec().connectionSpecification().get("properties");
        assertThat(properties.fieldNames()).toIterable()
                .containsExactly("count", "seed", "records_per_slice", "always_updated", "parallelism");
        assertThat(properties.at("/count/default").asLong()).isEqualTo(1000);
        assertThat(properties.at("/seed/default").asLong()).isEqualTo(-1);
        assertThat(properties.at("/always_updated/default").asBoolean()).isTrue();
        assertThat(source.spec().supportsIncremental()).contains(true);
    }

    @Test
    void checkAcceptsDefaultsAndNamesTheBadField() {
        assertThat(source.check(JsonNodeFactory.instance.objectNode()).isSucceeded()).isTrue();
        assertThat(source.check(config(10, 1, 5, false)).isSucceeded()).isTrue();

        ConnectionStatus zero = source.check(config(0, 1, 5, false));
        assertThat(zero.isSucceeded()).isFalse();
        assertThat(zero.message()).hasValueSatisfying(m -> assertThat(m).contains("count").contains("at least 1"));

        ObjectNode bad = config(10, 1, 5, false);
        bad.put("records_per_slice", "many").put("always_updated", "yes").put("seed", 1.5);
        assertThat(source.check(bad).message()).hasValueSatisfying(m -> assertThat(m)
                .contains("records_per_slice").contains("always_updated").contains("seed").doesNotContain("count"));

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
    void checkpointsEveryRecordsPerSliceAfterTheRowsTheyCover() {
        RecordingEmitter out = read(config(2500, 5, 1000, false), SyncMode.INCREMENTAL, InputState.empty());

        List<String> userStates = statesOf(out, "users");
        assertThat(userStates).containsExactly(
                "{\"updated_at\":\"2024-01-01T00:16:40Z\",\"id\":1000}",
                "{\"updated_at\":\"2024-01-01T00:33:20Z\",\"id\":2000}",
                "{\"updated_at\":\"2024-01-01T00:41:40Z\",\"id\":2500}");
        assertThat(statesOf(out, "products")).containsExactly("{\"updated_at\":\"2024-01-01T00:01:40Z\",\"id\":100}");

        // Each state comes right after the last row it covers.
        long usersSeen = 0;
        for (RecordingEmitter.Event event : out.events) {
            if (event.row() != null && event.streamIndex() == USERS) {
                usersSeen++;
            } else if (event.state() != null && name(event.state()).equals("users")) {
                assertThat(event.state().stream().orElseThrow().streamState().orElseThrow().get("id").asLong())
                        .isEqualTo(usersSeen);
            }
        }

        // Purchases checkpoint between users: after at least 1000 rows, never more than one user later.
        long purchasesSinceState = 0;
        long lastPurchaseId = 0;
        int purchaseStates = 0;
        for (RecordingEmitter.Event event : out.events) {
            if (event.row() != null && event.streamIndex() == PURCHASES) {
                purchasesSinceState++;
                lastPurchaseId = (Long) event.row()[0];
            } else if (event.state() != null && name(event.state()).equals("purchases")) {
                JsonNode state = event.state().stream().orElseThrow().streamState().orElseThrow();
                assertThat(state.get("id").asLong()).isEqualTo(lastPurchaseId);
                assertThat(purchasesSinceState).isBetween(1L, 1000L + PurchasesStream.MAX_PER_USER);
                purchasesSinceState = 0;
                purchaseStates++;
            }
        }
        assertThat(purchaseStates).isBetween(2, 4);
        assertThat(out.states().getLast().stream().orElseThrow().streamState().orElseThrow().get("user_id")
                .asLong()).isEqualTo(2500);
    }

    @Test
    void secondIncrementalReadWithTheSameCountEmitsNothing() {
        ObjectNode config = config(500, 11, 100, false);
        RecordingEmitter first = read(config, SyncMode.INCREMENTAL, InputState.empty());
        RecordingEmitter second = read(config, SyncMode.INCREMENTAL, new InputState(first.lastStates()));

        assertThat(second.events).allSatisfy(e -> assertThat(e.row()).isNull());
        assertThat(text(second.lastStates())).isEqualTo(text(first.lastStates()));
    }

    @Test
    void largerCountEmitsOnlyTheNewUsersAndTheirPurchasesExactlyAsAFullReadWould() {
        RecordingEmitter first = read(config(400, 11, 100, false), SyncMode.INCREMENTAL, InputState.empty());
        RecordingEmitter more = read(config(650, 11, 100, false), SyncMode.INCREMENTAL,
                new InputState(first.lastStates()));
        RecordingEmitter full = read(config(650, 11, 100, false), SyncMode.INCREMENTAL, InputState.empty());

        assertThat(more.rows(USERS)).extracting(r -> r[0]).containsExactlyElementsOf(longs(401, 650));
        assertThat(more.rows(PRODUCTS)).isEmpty();
        assertThat(more.rows(PURCHASES)).isNotEmpty()
                .allSatisfy(r -> assertThat((Long) r[1]).isBetween(401L, 650L));
        assertThat(text(more.rows(USERS))).isEqualTo(text(full.rows(USERS).subList(400, 650)));
        int firstPurchases = first.rows(PURCHASES).size();
        assertThat(text(more.rows(PURCHASES)))
                .isEqualTo(text(full.rows(PURCHASES).subList(firstPurchases, full.rows(PURCHASES).size())));
        assertThat(text(more.lastStates())).isEqualTo(text(full.lastStates()));
    }

    @Test
    void resumesFromACursorOnlyState() {
        ObjectNode cursorOnly = JsonNodeFactory.instance.objectNode().put("updated_at", "2024-01-01T00:01:30Z");
        InputState state = new InputState(List.of(
                StateMessage.ofStream(descriptor("users"), cursorOnly),
                StateMessage.ofStream(descriptor("purchases"), cursorOnly)));
        RecordingEmitter out = read(config(120, 11, 100, false), SyncMode.INCREMENTAL, state);
        RecordingEmitter full = read(config(120, 11, 100, false), SyncMode.INCREMENTAL, InputState.empty());

        assertThat(out.rows(USERS)).extracting(r -> r[0]).containsExactlyElementsOf(longs(91, 120));
        List<Object[]> laterPurchases = full.rows(PURCHASES).stream().filter(r -> (Long) r[0] > 90).toList();
        assertThat(text(out.rows(PURCHASES))).isEqualTo(text(laterPurchases));
    }

    @Test
    void alwaysUpdatedReEmitsEveryRowBeyondThePreviousCursor() {
        ObjectNode config = config(300, 11, 100, true);
        RecordingEmitter first = read(config, SyncMode.INCREMENTAL, InputState.empty());
        RecordingEmitter second = read(config, SyncMode.INCREMENTAL, new InputState(first.lastStates()));

        for (int stream : new int[] {USERS, PRODUCTS, PURCHASES}) {
            List<Object[]> before = first.rows(stream);
            List<Object[]> after = second.rows(stream);
            assertThat(after).hasSameSizeAs(before);
            Instant previousCursor = (Instant) before.getLast()[updatedAtColumn(stream)];
            assertThat(after).allSatisfy(r -> assertThat((Instant) r[updatedAtColumn(stream)]).isAfter(previousCursor));
            assertUpdatedAtIncreasesWithId(after, updatedAtColumn(stream));
        }
        assertThat(second.rows(USERS).get(5)[3]).isEqualTo(first.rows(USERS).get(5)[3]);
    }

    @Test
    void fullRefreshIgnoresState() {
        ObjectNode config = config(100, 11, 100, false);
        RecordingEmitter first = read(config, SyncMode.INCREMENTAL, InputState.empty());
        RecordingEmitter again = read(config, SyncMode.FULL_REFRESH, new InputState(first.lastStates()));
        assertThat(text(again.rows(USERS))).isEqualTo(text(first.rows(USERS)));
        assertThat(text(again.rows(PURCHASES))).isEqualTo(text(first.rows(PURCHASES)));
    }

    @Test
    void emitsARowEstimatePerStream() {
        RecordingEmitter out = read(config(1000, 1, 1000, true), SyncMode.FULL_REFRESH, InputState.empty());
        assertThat(out.traces).extracting(t -> t.estimate().orElseThrow().name())
                .containsExactly("users", "products", "purchases");
        assertThat(out.traces).extracting(t -> t.estimate().orElseThrow().rowEstimate().orElseThrow())
                .containsExactly(1000L, 100L, 1100L);
        assertThat(out.traces).allSatisfy(t -> assertThat(t.type()).isEqualTo(TraceMessage.TraceType.ESTIMATE));
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

    // --- helpers

    static ObjectNode config(long count, long seed, int recordsPerSlice, boolean alwaysUpdated) {
        return JsonNodeFactory.instance.objectNode()
                .put("count", count)
                .put("seed", seed)
                .put("records_per_slice", recordsPerSlice)
                .put("always_updated", alwaysUpdated);
    }

    private ConfiguredCatalog catalog(SyncMode mode) {
        return new ConfiguredCatalog(source.discover(config(1, 1, 1, true)).streams().stream()
                .map(s -> ConfiguredStream.of(s, mode, List.of(), DestinationSyncMode.APPEND, List.of()))
                .toList());
    }

    private RecordingEmitter read(ObjectNode config, SyncMode mode, InputState state) {
        RecordingEmitter out = new RecordingEmitter();
        source.read(config, catalog(mode), state, out);
        return out;
    }

    private static StreamDescriptor descriptor(String name) {
        return StreamDescriptor.of(null, name);
    }

    private static String name(StateMessage state) {
        return state.stream().orElseThrow().streamDescriptor().name();
    }

    private static List<String> statesOf(RecordingEmitter out, String stream) {
        return out.states().stream()
                .filter(s -> name(s).equals(stream))
                .map(s -> s.stream().orElseThrow().streamState().orElseThrow().toString())
                .toList();
    }

    private static int updatedAtColumn(int stream) {
        return switch (stream) {
            case USERS -> 2;
            case PRODUCTS -> 6;
            default -> 7;
        };
    }

    private static void assertUpdatedAtIncreasesWithId(List<Object[]> rows, int updatedAtColumn) {
        for (int i = 1; i < rows.size(); i++) {
            Object[] previous = rows.get(i - 1);
            Object[] current = rows.get(i);
            assertThat((Long) current[0]).isGreaterThan((Long) previous[0]);
            assertThat((Instant) current[updatedAtColumn]).isAfter((Instant) previous[updatedAtColumn]);
        }
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

    private static List<Long> longs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static String text(List<?> items) {
        StringBuilder text = new StringBuilder();
        for (Object item : items) {
            text.append(item instanceof Object[] row ? Arrays.deepToString(row) : String.valueOf(item)).append('\n');
        }
        return text.toString();
    }
}
