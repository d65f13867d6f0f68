package io.sluice.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointerTest {
    private static final StreamDescriptor USERS = StreamDescriptor.of("public", "users");
    private static final StreamDescriptor ORDERS = StreamDescriptor.of("public", "orders");

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final CollectingEmitter out = new CollectingEmitter();

    private static StateMessage at(StreamDescriptor stream, int cursor) {
        return StateMessage.ofStream(stream, JsonNodeFactory.instance.objectNode().put("cursor", cursor));
    }

    private static List<Integer> cursors(List<StateMessage> states) {
        return states.stream().map(s -> s.stream().orElseThrow().streamState().orElseThrow().get("cursor").asInt())
                .toList();
    }

    private void emitRecords(Checkpointer checkpointer, int from, int to) {
        for (int cursor = from; cursor <= to; cursor++) {
            out.record(0, new Object[] {cursor});
            checkpointer.recordEmitted(0);
            checkpointer.position(at(USERS, cursor));
        }
    }

    @Test
    void emitsEveryNRecordsAtTheLatestPosition() {
        Checkpointer checkpointer = new Checkpointer(out, 3, Duration.ofHours(1), clock);

        emitRecords(checkpointer, 1, 7);

        assertThat(cursors(out.states())).containsExactly(3, 6);
        assertThat(out.recordsBeforeStates()).containsExactly(3, 6);
        assertThat(checkpointer.recordsSinceLastState()).isEqualTo(1);
        assertThat(checkpointer.hasPending()).isTrue();
    }

    @Test
    void flushEmitsWhatIsPendingOnce() {
        Checkpointer checkpointer = new Checkpointer(out, 100, Duration.ofHours(1), clock);
        emitRecords(checkpointer, 1, 5);

        checkpointer.flush();
        checkpointer.flush();

        assertThat(cursors(out.states())).containsExactly(5);
        assertThat(checkpointer.hasPending()).isFalse();
        assertThat(checkpointer.statesEmitted()).isEqualTo(1);
    }

    @Test
    void emitsWhenTimeHasPassed() {
        Checkpointer checkpointer = new Checkpointer(out, 1_000_000, Duration.ofSeconds(30), clock);

        emitRecords(checkpointer, 1, 2);
        clock.advance(Duration.ofSeconds(29));
        emitRecords(checkpointer, 3, 3);
        clock.advance(Duration.ofSeconds(1));
        emitRecords(checkpointer, 4, 4);
        clock.advance(Duration.ofSeconds(10));
        emitRecords(checkpointer, 5, 5);

        assertThat(cursors(out.states())).containsExactly(4);
        assertThat(checkpointer.lastStateAt()).isEqualTo(Instant.parse("2024-01-01T00:00:30Z"));
    }

    @Test
    void countAloneEmitsNothingWithoutAPosition() {
        Checkpointer checkpointer = new Checkpointer(out, 2, Duration.ofSeconds(1), clock);

        for (int i = 0; i < 10; i++) {
            checkpointer.recordEmitted(0);
        }
        clock.advance(Duration.ofMinutes(5));
        checkpointer.flush();

        assertThat(out.states()).isEmpty();
        assertThat(checkpointer.recordCount()).isEqualTo(10);
    }

    @Test
    void keepsTheLatestPendingPositionOfEachStream() {
        Checkpointer checkpointer = new Checkpointer(out, 4, Duration.ofHours(1), clock);

        checkpointer.recordEmitted(0);
        checkpointer.position(at(USERS, 1));
        checkpointer.recordEmitted(1);
        checkpointer.position(at(ORDERS, 10));
        checkpointer.recordEmitted(0);
        checkpointer.position(at(USERS, 2));
        checkpointer.recordEmitted(1);
        checkpointer.position(at(ORDERS, 11));

        assertThat(out.states()).extracting(s -> s.stream().orElseThrow().streamDescriptor())
                .containsExactly(USERS, ORDERS);
        assertThat(cursors(out.states())).containsExactly(2, 11);
    }

    @Test
    void globalPositionReplacesThePreviousOne() {
        Checkpointer checkpointer = new Checkpointer(out, 100, Duration.ofHours(1), clock);

        checkpointer.position(StateMessage.ofLegacy(JsonNodeFactory.instance.numberNode(1)));
        checkpointer.position(StateMessage.ofLegacy(JsonNodeFactory.instance.numberNode(2)));
        checkpointer.flush();

        assertThat(out.states()).extracting(s -> s.data().orElseThrow().asInt()).containsExactly(2);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new Checkpointer(out, 0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpointer(out, 1, Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
