package io.sluice.cdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.protocol.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorTrackerTest {
    private static final List<String> FIELD = List.of("updated_at");

    @Test
    void skipsTheCountedTiesOfTheSavedValueThenReadsTheRest() {
        CursorTracker tracker = new CursorTracker(FIELD, Optional.of(new CursorState(FIELD, Optional.of("5"), 2)));
        List<String> emitted = new ArrayList<>();
        for (String value : List.of("5", "5", "5", "6")) {
            if (!tracker.alreadyEmitted(value)) {
                emitted.add(value);
                tracker.emitted(value);
            }
        }
        assertThat(emitted).containsExactly("5", "6");
        assertThat(tracker.state()).isEqualTo(new CursorState(FIELD, Optional.of("6"), 1));
    }

    @Test
    void countsContinueFromTheSavedStateWhenNewTiesFollow() {
        CursorTracker tracker = new CursorTracker(FIELD, Optional.of(new CursorState(FIELD, Optional.of("5"), 2)));
        for (String value : List.of("5", "5", "5", "5")) {
            if (!tracker.alreadyEmitted(value)) {
                tracker.emitted(value);
            }
        }
        assertThat(tracker.state().cursorRecordCount()).isEqualTo(4);
    }

    @Test
    void aHigherValueEndsTheSkipping() {
        CursorTracker tracker = new CursorTracker(FIELD, Optional.of(new CursorState(FIELD, Optional.of("5"), 3)));
        assertThat(tracker.alreadyEmitted("5")).isTrue();
        assertThat(tracker.alreadyEmitted("7")).isFalse();
        assertThat(tracker.alreadyEmitted("5")).isFalse();
    }

    @Test
    void boundariesAreWhereTheValueChanges() {
        CursorTracker tracker = new CursorTracker(FIELD, Optional.empty());
        assertThat(tracker.startsNewValue("1")).isFalse();
        tracker.emitted("1");
        assertThat(tracker.startsNewValue("1")).isFalse();
        tracker.emitted("1");
        assertThat(tracker.startsNewValue("2")).isTrue();
        assertThat(tracker.state()).isEqualTo(new CursorState(FIELD, Optional.of("1"), 2));
    }

    @Test
    void stateJsonHasAirbytesShapeAndReadsBack() throws Exception {
        CursorState state = new CursorState(FIELD, Optional.of("2024-01-01 00:00:00+00"), 3);
        JsonNode json = state.toJson();
        assertThat(json.toString()).isEqualTo(
                "{\"cursor_field\":[\"updated_at\"],\"cursor\":\"2024-01-01 00:00:00+00\",\"cursor_record_count\":3}");
        assertThat(CursorState.fromJson(json, FIELD)).contains(state);
        assertThat(CursorState.fromJson(json, List.of("id"))).isEmpty();
        assertThat(CursorState.fromJson(MessageCodec.mapper().createObjectNode(), FIELD)).isEmpty();
        assertThatThrownBy(() -> CursorState.fromJson(MessageCodec.mapper().readTree("[1]"), FIELD))
                .isInstanceOf(ConnectorException.class);
    }
}
