package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incremental reads by a cursor with many equal values: nothing lost, nothing repeated. */
class MySqlIncrementalIT {
    private MySqlTestDatabase db;
    /** Checkpoints every 150 rows, at the next change of the cursor value. */
    private final MySqlSource source = new MySqlSource(150);

    @BeforeEach
    void createTable() {
        db = new MySqlTestDatabase(getClass());
        // ids 1..1000, c = id DIV 100: 99 rows with 0, 100 each with 1..9, 1 row with 10
        db.sql("CREATE TABLE events (id bigint AUTO_INCREMENT PRIMARY KEY, c int, at datetime(3), "
                        + "tag varchar(10) COLLATE utf8mb4_general_ci, note varchar(20))",
                "INSERT INTO events (c, at, tag, note) SELECT seq DIV 100, "
                        + "TIMESTAMP '2024-01-01 00:00:00.5' + INTERVAL (seq DIV 100) SECOND, "
                        + "IF(seq % 2 = 0, 'a', 'A'), CONCAT('n', seq) FROM seq_1_to_1000",
                "INSERT INTO events (c, note) VALUES (NULL, 'no cursor')");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void statesAreCutAtCursorBoundariesAndTiesAddedLaterAreRead() {
        ConfiguredCatalog catalog = SourceReads.incremental(SourceReads.stream(source, db.config(), "events"), "c");

        CollectingEmitter first = SourceReads.read(source, db.config(), catalog, InputState.empty());

        assertThat(ids(first)).containsExactlyElementsOf(range(1, 1000));
        List<JsonNode> states = first.states().stream().map(MySqlIncrementalIT::streamState).toList();
        assertThat(states).hasSizeGreaterThan(3);
        for (int i = 0; i < states.size(); i++) {
            JsonNode s = states.get(i);
            long value = s.get("cursor").asLong();
            assertThat(s.get("cursor_field").get(0).asText()).isEqualTo("c");
            // every state is cut at a boundary: it covers all rows with a cursor <= its value
            assertThat((long) first.recordsBeforeStates().get(i)).isEqualTo(Math.min(1000, value * 100 + 99));
            assertThat(s.get("cursor_record_count").asLong()).isEqualTo(value == 0 ? 99 : value == 10 ? 1 : 100);
        }
        assertThat(states.getLast().get("cursor").asText()).isEqualTo("10");

        db.sql("INSERT INTO events (c, note) SELECT 10, 'tie' FROM seq_1_to_50",
                "INSERT INTO events (c, note) SELECT 11, 'later' FROM seq_1_to_20");
        CollectingEmitter second = SourceReads.read(source, db.config(), catalog, first.toInputState());

        assertThat(ids(second)).containsExactlyElementsOf(idsWhere("note IN ('tie', 'later') ORDER BY c, id"));
        JsonNode last = streamState(second.lastState().orElseThrow());
        assertThat(last.get("cursor").asText()).isEqualTo("11");
        assertThat(last.get("cursor_record_count").asLong()).isEqualTo(20);

        CollectingEmitter third = SourceReads.read(source, db.config(), catalog, second.toInputState());
        assertThat(third.recordCount()).isZero();
        assertThat(streamState(third.lastState().orElseThrow())).isEqualTo(last);
    }

    @Test
    void resumeInsideARunOfEqualValuesSkipsExactlyTheCountedRows() {
        ConfiguredCatalog catalog = SourceReads.incremental(SourceReads.stream(source, db.config(), "events"), "at");
        ObjectNode saved = MessageCodec.mapper().createObjectNode()
                .put("cursor", "2024-01-01 00:00:05.500").put("cursor_record_count", 30);
        saved.putArray("cursor_field").add("at");
        InputState state = new InputState(List.of(StateMessage.ofStream(StreamDescriptor.of(db.name(), "events"), saved)));

        CollectingEmitter out = SourceReads.read(source, db.config(), catalog, state);

        // at = 00:00:05.5 holds ids 500..599: the first 30 (500..529) were emitted before
        assertThat(ids(out)).containsExactlyElementsOf(range(530, 1000));
        assertThat(streamState(out.lastState().orElseThrow()).get("cursor").asText())
                .isEqualTo("2024-01-01 00:00:10.500");
    }

    @Test
    void aResumedReadAfterEveryCheckpointEndsWithEveryRowExactlyOnce() {
        ConfiguredCatalog catalog = SourceReads.incremental(SourceReads.stream(source, db.config(), "events"), "c");
        CollectingEmitter full = SourceReads.read(source, db.config(), catalog, InputState.empty());

        for (int i = 0; i < full.states().size(); i++) {
            InputState stoppedHere = new InputState(List.of(full.states().get(i)));
            CollectingEmitter rest = SourceReads.read(source, db.config(), catalog, stoppedHere);
            List<Long> all = new ArrayList<>(ids(full).subList(0, full.recordsBeforeStates().get(i)));
            all.addAll(ids(rest));
            assertThat(all).as("read stopped after state %d, then resumed", i).containsExactlyElementsOf(range(1, 1000));
        }
    }

    @Test
    void caseInsensitiveTextCursorsNeitherLoseNorRepeatRows() {
        ConfiguredCatalog catalog = SourceReads.incremental(SourceReads.stream(source, db.config(), "events"), "tag");
        CollectingEmitter first = SourceReads.read(source, db.config(), catalog, InputState.empty());
        // 'A' sorts before 'a' byte by byte: 500 odd ids, then 500 even ones
        assertThat(ids(first)).hasSize(1000).doesNotHaveDuplicates();
        assertThat(streamState(first.lastState().orElseThrow()).get("cursor").asText()).isEqualTo("a");
        assertThat(streamState(first.lastState().orElseThrow()).get("cursor_record_count").asLong()).isEqualTo(500);

        db.sql("INSERT INTO events (c, tag, note) VALUES (12, 'a', 'new tie'), (12, 'b', 'after')");
        CollectingEmitter second = SourceReads.read(source, db.config(), catalog, first.toInputState());
        assertThat(ids(second)).containsExactlyElementsOf(idsWhere("c = 12 ORDER BY tag, id"));
    }

    @Test
    void unorderableCursorsAreAConfigError() {
        db.sql("CREATE TABLE docs (id int PRIMARY KEY, body json)", "INSERT INTO docs VALUES (1, '{}')");
        ConfiguredCatalog catalog = SourceReads.incremental(SourceReads.stream(source, db.config(), "docs"), "body");
        assertThatThrownBy(() -> SourceReads.read(source, db.config(), catalog, InputState.empty()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).contains("cannot serve as a cursor");
                });
    }

    private static JsonNode streamState(StateMessage message) {
        return message.stream().orElseThrow().streamState().orElseThrow();
    }

    private static List<Long> ids(CollectingEmitter out) {
        List<Long> ids = new ArrayList<>();
        out.rows(0).forEach(r -> ids.add((Long) r[0]));
        return ids;
    }

    /** Ids of rows inserted later (auto-increment may leave gaps after a bulk insert). */
    private List<Long> idsWhere(String condition) {
        List<Long> ids = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM events WHERE " + condition)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
