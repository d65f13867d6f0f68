package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.engine.SyncResult.Origin;
import io.sluice.engine.SyncResult.Status;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StreamDescriptor;
import io.sluice.protocol.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ExternalSourceTest {
    private static final StreamDescriptor USERS = StreamDescriptor.of("public", "users");
    private static final StreamDescriptor ORDERS = StreamDescriptor.of("public", "orders");

    @TempDir
    Path dir;

    private ExternalSource source;
    private final SyncEngine engine = new SyncEngine();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void writeScript() {
        source = new ExternalSource("source-python", PythonScripts.write(dir, "source.py", PythonScripts.SOURCE));
    }

    private static JsonNode config(String mode) {
        return JsonNodeFactory.instance.objectNode().put("mode", mode);
    }

    private ConfiguredCatalog catalog() {
        Catalog discovered = source.discover(config("normal"));
        return new ConfiguredCatalog(discovered.streams().stream()
                .map(s -> ConfiguredStream.of(s, SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.APPEND, List.of()))
                .toList());
    }

    private SyncResult sync(String mode, StateStore store, InMemoryDestination destination) {
        return engine.run(SyncRequest.builder(source, config(mode), destination, config("x"), catalog())
                .stateStore(store)
                .listener(listener)
                .batchSize(2)
                .build());
    }

    @Test
    void specCheckAndDiscoverRunTheExecutable() {
        assertThat(source.spec().connectionSpecification().at("/properties/mode/type").asText()).isEqualTo("string");
        assertThat(source.check(config("normal")).isSucceeded()).isTrue();
        assertThat(source.check(config("refuse")).message()).contains("wrong password");
        assertThat(catalog().streams()).extracting(ConfiguredStream::descriptor).containsExactly(USERS, ORDERS);
    }

    @Test
    void syncsTwoStreamsIntoTheDestinationAndSavesTheStateFile() throws Exception {
        Path stateFile = dir.resolve("state.json");
        InMemoryDestination destination = new InMemoryDestination();

        SyncResult result = sync("normal", new FileStateStore(stateFile), destination);

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(destination.rows(USERS)).hasSize(5);
        assertThat(destination.rows(USERS).get(0)).containsExactly(1L, "user1", LocalDate.of(2024, 1, 1));
        assertThat(destination.rows(ORDERS)).extracting(r -> r[1]).containsExactly(1.25, 2.5, 3.75);
        assertThat(result.streams().get(USERS).recordsCommitted()).isEqualTo(5);
        JsonNode saved = MessageCodec.mapper().readTree(stateFile.toFile());
        assertThat(saved).hasSize(2);
        assertThat(saved.get(0).at("/stream/stream_descriptor/name").asText()).isEqualTo("users");
        assertThat(saved.get(0).at("/stream/stream_state/cursor").asInt()).isEqualTo(5);
        assertThat(saved.get(1).at("/stream/stream_state/cursor").asInt()).isEqualTo(3);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("source.py", "state.json");
        }
    }

    @Test
    void theNextSyncStartsFromTheSavedState() {
        FileStateStore store = new FileStateStore(dir.resolve("state.json"));
        sync("normal", store, new InMemoryDestination());
        InMemoryDestination second = new InMemoryDestination();

        sync("normal", store, second);

        assertThat(second.rows(USERS)).extracting(r -> r[0]).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(store.load().streamState(USERS).orElseThrow().get("cursor").asInt()).isEqualTo(10);
    }

    @Test
    void logLinesAndNonJsonLinesBecomeSourceLogs() {
        sync("normal", new InMemoryStateStore(), new InMemoryDestination());

        assertThat(listener.messagesFrom("source")).contains("reading users,orders", "a stray print, not JSON");
    }

    @Test
    void aCrashAfterAStateFailsTheSyncAndKeepsOnlyTheAcknowledgedState() {
        InMemoryStateStore store = new InMemoryStateStore();
        InMemoryDestination destination = new InMemoryDestination();

        SyncResult result = sync("crash", store, destination);

        assertThat(result.status()).isEqualTo(Status.FAILED);
        SyncResult.Failure failure = result.failure().orElseThrow();
        assertThat(failure.origin()).isEqualTo(Origin.SOURCE);
        assertThat(failure.kind()).isEqualTo(FailureKind.SYSTEM);
        assertThat(failure.message()).startsWith("source exited with code 1: ")
                .contains("Traceback (most recent call last):", "ValueError: the API returned garbage");
        assertThat(store.load().messages()).hasSize(1);
        assertThat(store.load().streamState(USERS).orElseThrow().get("cursor").asInt()).isEqualTo(3);
        assertThat(destination.rows(USERS)).hasSize(3);
        assertThat(result.streams().get(USERS).recordsEmitted()).isEqualTo(4);
        assertThat(result.streams().get(USERS).recordsCommitted()).isEqualTo(3);
    }

    @Test
    void anErrorTraceGivesTheFailureItsKindAndMessage() {
        SyncResult result = sync("config_error", new InMemoryStateStore(), new InMemoryDestination());

        assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(result.failure().orElseThrow().message()).isEqualTo("source exited with code 1: api_key is not valid");
    }

    @Test
    void aRecordOfAStreamNotInTheCatalogIsASystemFailure() {
        SyncResult result = sync("unknown_stream", new InMemoryStateStore(), new InMemoryDestination());

        assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.SYSTEM);
        assertThat(result.failure().orElseThrow().message()).contains("'secrets'", "not in the configured catalog");
    }

    @Test
    void aMalformedMessageFailsTheReadWithItsLineNumber() {
        SyncResult result = sync("malformed", new InMemoryStateStore(), new InMemoryDestination());

        assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.SYSTEM);
        assertThat(result.failure().orElseThrow().message()).contains("invalid message", "line 3");
    }

    @Test
    void cancellingKillsASilentSourceProcess() throws Exception {
        InMemoryDestination destination = new InMemoryDestination();
        SyncHandle handle = engine.start(SyncRequest.builder(source, config("sleep"), destination, config("x"), catalog())
                .batchSize(1)
                .build());
        while (destination.received.get() < 1) {
            Thread.sleep(10);
        }

        long start = System.nanoTime();
        handle.cancel();
        SyncResult result = handle.await();

        assertThat(result.status()).isEqualTo(Status.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aCommandThatCannotStartIsAConfigError() {
        ExternalSource missing = new ExternalSource("source-missing", List.of(dir.resolve("no-such-binary").toString()));

        assertThatThrownBy(() -> missing.discover(config("normal")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining("cannot start source source-missing");
        assertThat(missing.check(config("normal")).isSucceeded()).isFalse();
    }
}
