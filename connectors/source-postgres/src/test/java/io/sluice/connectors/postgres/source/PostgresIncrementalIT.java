package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incremental reads by a cursor with many equal values: nothing lost, nothing repeated. */
class PostgresIncrementalIT {
    private PgTestSchema db;
    /** Checkpoints every 150 rows, at the next change of the cursor value. */
    private final PostgresSource source = new PostgresSource(150, PostgresSource.CHUNK_THRESHOLD_PAGES);

    @BeforeEach
    void createTable() {
        db = new PgTestSchema(getClass());
        // ids 1..1000, c = id / 100: 99 rows with 0, 100 each with 1..9, 1 row with 10
        db.sql("CREATE TABLE $s.events (id bigserial PRIMARY KEY, c int, note text)",
                "INSERT INTO $s.events (c, note) SELECT g / 100, 'n' || g FROM generate_series(1, 1000) g",
                "INSERT INTO $s.events (c, note) VALUES (NULL, 'no cursor')");
    }

    @AfterEach
    void dropSchema() {
        db.close();
    }

    @Test
    void statesAreCutAtCursorBoundariesAndTiesAddedLaterAreRead() {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "events");
        ConfiguredCatalog catalog = SourceReads.incremental(stream, "c");

        CollectingEmitter first = SourceReads.read(source, db.config(), catalog, InputState.empty());

        assertThat(ids(first)).containsExactlyElementsOf(range(1, 1000));
        List<JsonNode> states = first.states().stream().map(PostgresIncrementalIT::streamState).toList();
        assertThat(states).isNotEmpty();
        for (int i = 0; i < states.size(); i++) {
            JsonNode s = states.get(i);
            long value = s.get("cursor").asLong();
            assertThat(s.get("cursor_field").get(0).asText()).isEqualTo("c");
            // every state is cut at a boundary: it covers all rows with a cursor <= its value
            long rowsUpToValue = Math.min(1000, value * 100 + 99);
            assertThat((long) first.recordsBeforeStates().get(i)).isEqualTo(rowsUpToValue);
            assertThat(s.get("cursor_record_count").asLong()).isEqualTo(value == 0 ? 99 : value == 10 ? 1 : 100);
        }
        assertThat(states.getLast().get("cursor").asText()).isEqualTo("10");

        db.sql("INSERT INTO $s.events (c, note) SELECT 10, 'tie' FROM generate_series(1, 50)",
                "INSERT INTO $s.events (c, note) SELECT 11, 'later' FROM generate_series(1, 20)");
        CollectingEmitter second = SourceReads.read(source, db.config(), catalog, first.toInputState());

        assertThat(ids(second)).containsExactlyElementsOf(range(1002, 1071));
        JsonNode last = streamState(second.lastState().orElseThrow());
        assertThat(last.get("cursor").asText()).isEqualTo("11");
        assertThat(last.get("cursor_record_count").asLong()).isEqualTo(20);

        CollectingEmitter third = SourceReads.read(source, db.config(), catalog, second.toInputState());
        assertThat(third.recordCount()).isZero();
        assertThat(streamState(third.lastState().orElseThrow())).isEqualTo(last);
    }

    @Test
    void resumeInsideARunOfEqualValuesSkipsExactlyTheCountedRows() {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "events");
        ConfiguredCatalog catalog = SourceReads.incremental(stream, "c");
        JsonNode saved = io.sluice.protocol.MessageCodec.mapper().createObjectNode()
                .put("cursor", "5").put("cursor_record_count", 30);
        ((com.fasterxml.jackson.databind.node.ObjectNode) saved).putArray("cursor_field").add("c");
        InputState state = new InputState(List.of(StateMessage.ofStream(
                StreamDescriptor.of(db.name(), "events"), saved)));

        CollectingEmitter out = SourceReads.read(source, db.config(), catalog, state);

        // c = 5 holds ids 500..599: the first 30 (500..529) were emitted before
        assertThat(ids(out)).containsExactlyElementsOf(range(530, 1000));
    }

    private static JsonNode streamState(StateMessage message) {
        return message.stream().orElseThrow().streamState().orElseThrow();
    }

    private static List<Long> ids(CollectingEmitter out) {
        List<Long> ids = new ArrayList<>();
        out.rows(0).forEach(r -> ids.add((Long) r[0]));
        return ids;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
