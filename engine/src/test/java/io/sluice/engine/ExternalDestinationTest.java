package io.sluice.engine;

import static io.sluice.engine.TestCatalogs.USERS;
import static io.sluice.engine.TestCatalogs.cursor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.engine.SyncResult.Origin;
import io.sluice.engine.SyncResult.Status;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ExternalDestinationTest {
    @TempDir
    Path dir;

    private ExternalDestination destination;
    private Path output;
    private final SyncEngine engine = new SyncEngine();
    private final InMemoryStateStore store = new InMemoryStateStore();

    @BeforeEach
    void writeScript() {
        destination = new ExternalDestination("destination-python",
                PythonScripts.write(dir, "destination.py", PythonScripts.DESTINATION));
        output = dir.resolve("out.jsonl");
    }

    private JsonNode config(int failAfter) {
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("output_path", output.toString());
        return failAfter > 0 ? config.put("fail_after", failAfter) : config;
    }

    /** 25 users with a state after every 10, then (optionally) a failure or an endless wait. */
    private static FakeSource users(int count) {
        return new FakeSource((catalog, state, out) -> {
            for (long i = 1; i <= count; i++) {
                out.record(0, new Object[] {i, i % 2 == 0 ? null : "user" + i});
                if (i % 10 == 0) {
                    out.state(cursor(USERS, i));
                }
            }
        });
    }

    private SyncRequest.Builder request(FakeSource source, JsonNode config) {
        return SyncRequest.builder(source, JsonNodeFactory.instance.objectNode(), destination, config,
                        TestCatalogs.usersOnly())
                .stateStore(store)
                .batchSize(4);
    }

    private List<JsonNode> written() {
        try {
            return Files.readAllLines(output).stream().map(ExternalDestinationTest::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return MessageCodec.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void specAndCheckRunTheExecutable() {
        assertThat(destination.spec().supportedDestinationSyncModes()).containsExactly(DestinationSyncMode.APPEND);
        assertThat(destination.check(config(0)).isSucceeded()).isTrue();
    }

    @Test
    void recordsGoToTheProcessAsJsonAndEchoedStatesAreSaved() {
        SyncResult result = engine.run(request(users(25), config(0))
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT, "raw_${SOURCE_NAMESPACE}", "s_"))
                .build());

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        List<JsonNode> rows = written();
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).get("stream").asText()).isEqualTo("raw_public.s_users");
        assertThat(rows.get(0).get("data").toString()).isEqualTo("{\"id\":1,\"name\":\"user1\"}");
        assertThat(rows.get(1).get("data").toString()).isEqualTo("{\"id\":2}");
        assertThat(store.load().messages()).containsExactly(cursor(USERS, 20));
        assertThat(store.saveCount()).isEqualTo(2);
        assertThat(result.streams().get(USERS).recordsCommitted()).isEqualTo(25);
    }

    @Test
    void aDestinationThatExitsMidStreamFailsWithItsExitCodeAndKeepsTheStatesItEchoed() {
        SyncResult result = engine.run(request(users(100_000), config(15)).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        SyncResult.Failure failure = result.failure().orElseThrow();
        assertThat(failure.origin()).isEqualTo(Origin.DESTINATION);
        assertThat(failure.kind()).isEqualTo(FailureKind.SYSTEM);
        assertThat(failure.message()).isEqualTo("destination exited with code 3: disk quota exceeded");
        assertThat(store.load().messages()).containsExactly(cursor(USERS, 10));
        assertThat(result.streams().get(USERS).recordsCommitted()).isEqualTo(10);
    }

    @Test
    void aSourceFailureKillsTheDestinationProcessAndIsReportedAsTheSources() {
        FakeSource failing = new FakeSource((catalog, state, out) -> {
            for (long i = 1; i <= 12; i++) {
                out.record(0, new Object[] {i, "u"});
                if (i == 10) {
                    out.state(cursor(USERS, 10));
                }
            }
            throw io.sluice.cdk.ConnectorException.transientError("the source database went away", null);
        });

        SyncResult result = engine.run(request(failing, config(0)).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure().orElseThrow().origin()).isEqualTo(Origin.SOURCE);
        assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.TRANSIENT);
        // the process is killed at once: state 10 is saved only if its echo came back before that
        assertThat(store.load().messages()).isSubsetOf(List.of(cursor(USERS, 10)));
        assertThat(result.streams().get(USERS).recordsEmitted()).isEqualTo(12);
        assertThat(result.streams().get(USERS).recordsCommitted()).isIn(0L, 10L);
    }

    @Test
    void cancellingStopsTheDestinationProcess() throws Exception {
        FakeSource endless = new FakeSource((catalog, state, out) -> {
            for (long i = 1; ; i++) {
                out.record(0, new Object[] {i, "u"});
                if (i % 10 == 0) {
                    out.state(cursor(USERS, i));
                }
            }
        });
        SyncHandle handle = engine.start(request(endless, config(0)).build());
        while (store.saveCount() < 1) {
            Thread.sleep(10);
        }

        long start = System.nanoTime();
        handle.cancel();
        SyncResult result = handle.await();

        assertThat(result.status()).isEqualTo(Status.CANCELLED);
        assertThat(endless.endedWith.get()).isInstanceOf(SyncCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        long savedCursor = store.load().streamState(USERS).orElseThrow().get("cursor").asLong();
        assertThat((long) written().size()).isGreaterThanOrEqualTo(savedCursor);
    }
}
