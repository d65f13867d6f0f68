package io.sluice.engine;

import static io.sluice.engine.TestCatalogs.ORDERS;
import static io.sluice.engine.TestCatalogs.USERS;
import static io.sluice.engine.TestCatalogs.cursor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.InputState;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StateMessage.GlobalState;
import io.sluice.protocol.StateMessage.StateStats;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateMergerTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aStreamStateReplacesOnlyThatStreamsEntry() {
        InputState state = new InputState(List.of(cursor(USERS, 1), cursor(ORDERS, 5)));

        InputState merged = StateMerger.merge(state, cursor(USERS, 9));

        assertThat(merged.messages()).containsExactlyInAnyOrder(cursor(ORDERS, 5), cursor(USERS, 9));
    }

    @Test
    void aGlobalStateReplacesThePreviousGlobal() {
        StateMessage first = StateMessage.ofGlobal(new GlobalState(Optional.of(JSON.objectNode().put("lsn", 1)), List.of()));
        StateMessage second = StateMessage.ofGlobal(new GlobalState(Optional.of(JSON.objectNode().put("lsn", 2)), List.of()));

        InputState merged = StateMerger.merge(StateMerger.merge(InputState.empty(), first), second);

        assertThat(merged.messages()).containsExactly(second);
        assertThat(merged.global().orElseThrow().sharedState().orElseThrow().get("lsn").asInt()).isEqualTo(2);
    }

    @Test
    void aGlobalStateTakesOverTheStreamsItCoversAndKeepsTheOthers() {
        InputState state = new InputState(List.of(cursor(USERS, 1), cursor(ORDERS, 5)));
        StateMessage global = StateMessage.ofGlobal(new GlobalState(Optional.of(JSON.objectNode().put("lsn", 7)),
                List.of(new StateMessage.StreamState(USERS, Optional.of(JSON.objectNode())))));

        InputState merged = StateMerger.merge(state, global);

        assertThat(merged.messages()).containsExactly(cursor(ORDERS, 5), global);
        assertThat(merged.streamState(USERS)).contains(JSON.objectNode());
    }

    @Test
    void aLegacyStateReplacesEverything() {
        InputState state = new InputState(List.of(cursor(USERS, 1), cursor(ORDERS, 5)));
        StateMessage legacy = StateMessage.ofLegacy(JSON.objectNode().put("users", 3));

        assertThat(StateMerger.merge(state, legacy).messages()).containsExactly(legacy);
    }

    @Test
    void theSavedStateLeavesOutPerAttemptStats() {
        InputState merged = StateMerger.merge(InputState.empty(), cursor(USERS, 3).withSourceStats(new StateStats(3)));

        assertThat(merged.messages()).containsExactly(cursor(USERS, 3));
    }
}
