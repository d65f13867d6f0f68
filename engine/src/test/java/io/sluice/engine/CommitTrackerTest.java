package io.sluice.engine;

import static io.sluice.engine.TestCatalogs.ORDERS;
import static io.sluice.engine.TestCatalogs.USERS;
import static io.sluice.engine.TestCatalogs.cursor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.InputState;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.StateStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitTrackerTest {
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncCounters counters = new SyncCounters(TestCatalogs.usersAndOrders());
    private final List<RuntimeException> saveFailures = new ArrayList<>();
    private final CommitTracker tracker = new CommitTracker(store, counters, SyncListener.NONE, InputState.empty(),
            saveFailures::add);

    private static QueueItem.Checkpoint checkpoint(StateMessage state, long users, long orders) {
        return new QueueItem.Checkpoint(new Chunk.Checkpoint(state), new long[] {users, orders},
                new long[] {users * 10, orders * 10});
    }

    @Test
    void anEchoedCopyWithDestinationStatsMatchesThePendingState() throws Exception {
        StateMessage sent = cursor(USERS, 5).withSourceStats(new StateStats(5));
        tracker.delivered(checkpoint(sent, 5, 0));
        String echoedLine = new MessageCodec().encode(sent.withDestinationStats(new StateStats(5)));

        tracker.acknowledge((StateMessage) new MessageCodec().decode(echoedLine));

        assertThat(store.load().messages()).containsExactly(cursor(USERS, 5));
        assertThat(counters.snapshot().get(USERS).recordsCommitted()).isEqualTo(5);
        assertThat(counters.snapshot().get(USERS).bytesCommitted()).isEqualTo(50);
        assertThat(tracker.unacknowledged()).isZero();
    }

    @Test
    void acknowledgingALaterStateCoversTheOnesBeforeIt() {
        tracker.delivered(checkpoint(cursor(USERS, 5), 5, 0));
        tracker.delivered(checkpoint(cursor(ORDERS, 2), 5, 2));
        tracker.delivered(checkpoint(cursor(USERS, 9), 9, 2));

        tracker.acknowledge(cursor(ORDERS, 2));

        assertThat(tracker.unacknowledged()).isEqualTo(1);
        // the skipped USERS state is merged too: its rows are committed, so its position is kept
        assertThat(store.load().messages()).containsExactlyInAnyOrder(cursor(USERS, 5), cursor(ORDERS, 2));
        assertThat(counters.snapshot().get(USERS).recordsCommitted()).isEqualTo(5);
        assertThat(counters.snapshot().get(ORDERS).recordsCommitted()).isEqualTo(2);
    }

    @Test
    void globalStatesAreAcknowledgedInOrderAndOnlyTheLatestIsSaved() {
        StateMessage first = global(100);
        StateMessage second = global(200);
        tracker.delivered(checkpoint(first.withSourceStats(new StateStats(3)), 3, 0));
        tracker.delivered(checkpoint(second.withSourceStats(new StateStats(4)), 3, 4));
        String echoed = new MessageCodec().encode(second.withSourceStats(new StateStats(4))
                .withDestinationStats(new StateStats(4)));

        tracker.acknowledge((StateMessage) new MessageCodec().decode(echoed));

        assertThat(store.load().messages()).containsExactly(second);
        assertThat(store.load().global().orElseThrow().sharedState().orElseThrow().get("lsn").asLong()).isEqualTo(200);
        assertThat(counters.snapshot().get(USERS).recordsCommitted()).isEqualTo(3);
        assertThat(counters.snapshot().get(ORDERS).recordsCommitted()).isEqualTo(4);
        assertThat(tracker.unacknowledged()).isZero();
    }

    private static StateMessage global(long lsn) {
        return StateMessage.ofGlobal(new StateMessage.GlobalState(
                java.util.Optional.of(MessageCodec.mapper().createObjectNode().put("lsn", lsn)),
                List.of(new StateMessage.StreamState(USERS, java.util.Optional.of(MessageCodec.mapper().createObjectNode())),
                        new StateMessage.StreamState(ORDERS, java.util.Optional.of(MessageCodec.mapper().createObjectNode())))));
    }

    @Test
    void afterCloseAcknowledgementsChangeNothing() {
        tracker.delivered(checkpoint(cursor(USERS, 5), 5, 0));
        tracker.close();

        tracker.acknowledge(cursor(USERS, 5));

        assertThat(store.saveCount()).isZero();
        assertThat(counters.snapshot().get(USERS).recordsCommitted()).isZero();
    }

    @Test
    void aStateThatWasNeverSentIsIgnored() {
        tracker.delivered(checkpoint(cursor(USERS, 5), 5, 0));

        tracker.acknowledge(cursor(USERS, 6));

        assertThat(store.saveCount()).isZero();
        assertThat(tracker.unacknowledged()).isEqualTo(1);
    }

    @Test
    void aStoreThatCannotSaveIsReportedAndTheAcknowledgementFails() {
        StateStore full = new StateStore() {
            @Override
            public InputState load() {
                return InputState.empty();
            }

            @Override
            public void save(InputState state) {
                throw new IllegalStateException("disk full");
            }
        };
        CommitTracker failing = new CommitTracker(full, counters, SyncListener.NONE, InputState.empty(), saveFailures::add);
        failing.delivered(checkpoint(cursor(USERS, 5), 5, 0));

        assertThatThrownBy(() -> failing.acknowledge(cursor(USERS, 5))).hasMessage("disk full");
        assertThat(saveFailures).hasSize(1);
        assertThat(counters.snapshot().get(USERS).recordsCommitted()).isZero();
        assertThat(failing.current()).isEqualTo(InputState.empty());
    }
}
