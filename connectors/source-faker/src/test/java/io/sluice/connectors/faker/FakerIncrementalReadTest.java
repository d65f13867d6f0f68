package io.sluice.connectors.faker;

import static io.sluice.connectors.faker.FakerReads.PRODUCTS;
import static io.sluice.connectors.faker.FakerReads.PURCHASES;
import static io.sluice.connectors.faker.FakerReads.USERS;
import static io.sluice.connectors.faker.FakerReads.assertUpdatedAtIncreasesWithId;
import static io.sluice.connectors.faker.FakerReads.config;
import static io.sluice.connectors.faker.FakerReads.longs;
import static io.sluice.connectors.faker.FakerReads.read;
import static io.sluice.connectors.faker.FakerReads.streamName;
import static io.sluice.connectors.faker.FakerReads.text;
import static io.sluice.connectors.faker.FakerReads.updatedAtColumn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoints and reads that continue from a previous read's state. */
class FakerIncrementalReadTest {

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
            } else if (event.state() != null && streamName(event.state()).equals("users")) {
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
            } else if (event.state() != null && streamName(event.state()).equals("purchases")) {
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
    void byDefaultASecondReadOfTheSameConfigEmitsNothing() {
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("count", 300).put("seed", 5);
        RecordingEmitter first = read(config, SyncMode.INCREMENTAL, InputState.empty());
        RecordingEmitter second = read(config, SyncMode.INCREMENTAL, new InputState(first.lastStates()));

        assertThat(first.rows(USERS)).hasSize(300);
        assertThat(second.events).allSatisfy(e -> assertThat(e.row()).isNull());
        assertThat(second.states()).hasSize(3);
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
    void alwaysUpdatedRowsStayBeyondACursorWithAFractionOfASecond() {
        ObjectNode cursor = JsonNodeFactory.instance.objectNode().put("updated_at", "2025-06-01T10:00:00.750Z");
        InputState state = new InputState(List.of(StateMessage.ofStream(descriptor("users"), cursor)));
        RecordingEmitter out = read(config(20, 11, 100, true), SyncMode.INCREMENTAL, state);

        assertThat(out.rows(USERS)).hasSize(20);
        assertThat((Instant) out.rows(USERS).get(0)[2]).isEqualTo(Instant.parse("2025-06-01T10:00:01Z"));
        assertThat(statesOf(out, "users")).containsExactly("{\"updated_at\":\"2025-06-01T10:00:20Z\",\"id\":20}");
    }

    @Test
    void fullRefreshIgnoresState() {
        ObjectNode config = config(100, 11, 100, false);
        RecordingEmitter first = read(config, SyncMode.INCREMENTAL, InputState.empty());
        RecordingEmitter again = read(config, SyncMode.FULL_REFRESH, new InputState(first.lastStates()));
        assertThat(text(again.rows(USERS))).isEqualTo(text(first.rows(USERS)));
        assertThat(text(again.rows(PURCHASES))).isEqualTo(text(first.rows(PURCHASES)));
    }

    private static StreamDescriptor descriptor(String name) {
        return StreamDescriptor.of(null, name);
    }

    private static List<String> statesOf(RecordingEmitter out, String stream) {
        return out.states().stream()
                .filter(s -> streamName(s).equals(stream))
                .map(s -> s.stream().orElseThrow().streamState().orElseThrow().toString())
                .toList();
    }
}
