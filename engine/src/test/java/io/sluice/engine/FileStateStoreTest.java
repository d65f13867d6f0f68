package io.sluice.engine;

import static io.sluice.engine.TestCatalogs.ORDERS;
import static io.sluice.engine.TestCatalogs.USERS;
import static io.sluice.engine.TestCatalogs.cursor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.protocol.MessageCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAnEmptyState() {
        assertThat(new FileStateStore(dir.resolve("state.json")).load()).isEqualTo(InputState.empty());
    }

    @Test
    void savesAnAirbyteStateFileAndReadsItBack() throws Exception {
        Path file = dir.resolve("sub/state.json");
        FileStateStore store = new FileStateStore(file);
        InputState state = new InputState(List.of(cursor(USERS, 42), cursor(ORDERS, 7)));

        store.save(state);

        assertThat(store.load()).isEqualTo(state);
        var json = MessageCodec.mapper().readTree(file.toFile());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("type").asText()).isEqualTo("STREAM");
        assertThat(json.get(0).at("/stream/stream_descriptor/name").asText()).isEqualTo("users");
        assertThat(json.get(0).at("/stream/stream_descriptor/namespace").asText()).isEqualTo("public");
        assertThat(json.get(0).at("/stream/stream_state/cursor").asLong()).isEqualTo(42);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void aSaveReplacesThePreviousState() {
        FileStateStore store = new FileStateStore(dir.resolve("state.json"));
        store.save(new InputState(List.of(cursor(USERS, 1))));

        store.save(new InputState(List.of(cursor(USERS, 2))));

        assertThat(new FileStateStore(dir.resolve("state.json")).load().messages()).containsExactly(cursor(USERS, 2));
    }

    @Test
    void aSingleObjectIsALegacyState() throws Exception {
        Path file = dir.resolve("legacy.json");
        Files.writeString(file, "{\"users\": {\"cursor\": 3}}");

        InputState state = new FileStateStore(file).load();

        assertThat(state.legacy().orElseThrow().at("/users/cursor").asInt()).isEqualTo(3);
    }

    @Test
    void aCorruptFileIsAConfigError() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[{\"type\": \"STREAM\"");

        assertThatThrownBy(() -> new FileStateStore(file).load())
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining("broken.json");
    }
}
