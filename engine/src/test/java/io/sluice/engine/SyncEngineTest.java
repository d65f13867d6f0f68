package io.sluice.engine;

import static io.sluice.engine.TestCatalogs.ORDERS;
import static io.sluice.engine.TestCatalogs.USERS;
import static io.sluice.engine.TestCatalogs.cursor;
import static io.sluice.engine.TestCatalogs.emptyConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.engine.SyncResult.Origin;
import io.sluice.engine.SyncResult.Status;
import io.sluice.protocol.LogMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SyncEngineTest {
    private final SyncEngine engine = new SyncEngine();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final RecordingListener listener = new RecordingListener();

    /** 2500 users and 1200 orders, a state every 1000 users and at the end of each stream. */
    private static final FakeSource.Body TWO_STREAMS = (catalog, state, out) -> {
        for (long i = 1; i <= 2500; i++) {
            out.record(0, new Object[] {i, "user" + i});
            if (i % 1000 == 0) {
                out.state(cursor(USERS, i));
            }
        }
        out.state(cursor(USERS, 2500));
        for (long i = 1; i <= 1200; i++) {
            out.record(1, new Object[] {i, 1.5});
        }
        out.state(cursor(ORDERS, 1200));
    };

    private SyncRequest.Builder request(FakeSource source, InMemoryDestination destination) {
        return SyncRequest.builder(source, emptyConfig(), destination, emptyConfig(), TestCatalogs.usersAndOrders())
                .stateStore(store)
                .listener(listener)
                .batchSize(100);
    }

    @Test
    void copiesEveryRowOfTwoStreamsAndSavesTheLastStateOfEach() {
        InMemoryDestination destination = new InMemoryDestination();

        SyncResult result = engine.run(request(new FakeSource(TWO_STREAMS), destination).build());

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(result.failure()).isEmpty();
        assertThat(destination.rows(USERS)).hasSize(2500);
        assertThat(destination.rows(USERS).get(41)).containsExactly(42L, "user42");
        assertThat(destination.rows(ORDERS)).hasSize(1200);
        assertThat(store.load().streamState(USERS).orElseThrow().get("cursor").asLong()).isEqualTo(2500);
        assertThat(store.load().streamState(ORDERS).orElseThrow().get("cursor").asLong()).isEqualTo(1200);
        assertThat(store.load().messages()).hasSize(2);
        assertThat(result.finalState()).isEqualTo(store.load());
        assertThat(store.saveCount()).isEqualTo(4);
        assertThat(listener.committed).hasSize(4);
    }

    @Test
    void countsRecordsAndEstimatedBytesPerStream() {
        SyncResult result = engine.run(request(new FakeSource(TWO_STREAMS), new InMemoryDestination()).build());

        StreamStats users = result.streams().get(USERS);
        long userBytes = 0;
        for (long i = 1; i <= 2500; i++) {
            userBytes += 8 + ("user" + i).length();
        }
        assertThat(users).isEqualTo(new StreamStats(2500, userBytes, 2500, userBytes));
        assertThat(result.streams().get(ORDERS)).isEqualTo(new StreamStats(1200, 1200 * 16, 1200, 1200 * 16));
        assertThat(result.recordsCommitted()).isEqualTo(3700);
        assertThat(List.copyOf(result.streams().keySet())).containsExactly(USERS, ORDERS);
    }

    @Test
    void rowsAfterTheLastStateAreCommittedWhenTheDestinationFinishesCleanly() {
        FakeSource source = new FakeSource((catalog, state, out) -> {
            for (long i = 1; i <= 10; i++) {
                out.record(0, new Object[] {i, "u"});
            }
            out.state(cursor(USERS, 10));
            for (long i = 11; i <= 15; i++) {
                out.record(0, new Object[] {i, "u"});
            }
        });
        InMemoryDestination destination = new InMemoryDestination();

        SyncResult result = engine.run(request(source, destination).build());

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(destination.rows(USERS)).hasSize(15);
        assertThat(result.streams().get(USERS).recordsCommitted()).isEqualTo(15);
        assertThat(store.load().streamState(USERS).orElseThrow().get("cursor").asLong()).isEqualTo(10);
    }

    @Test
    void batchesFlushBeforeEachStateSoTheDestinationSeesTheEmissionOrder() {
        FakeSource source = new FakeSource((catalog, state, out) -> {
            out.record(0, new Object[] {1L, "a"});
            out.record(1, new Object[] {1L, 2.0});
            out.state(cursor(USERS, 1));
            out.record(0, new Object[] {2L, "b"});
        });
        InMemoryDestination destination = new InMemoryDestination().keepChunks();

        engine.run(request(source, destination).build());

        assertThat(destination.chunks).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("RowBatch", "RowBatch", "Checkpoint", "RowBatch");
    }

    @Test
    void statesReachTheDestinationWithTheRecordCountTheyCover() {
        InMemoryDestination destination = new InMemoryDestination().keepChunks();

        engine.run(request(new FakeSource(TWO_STREAMS), destination).build());

        assertThat(destination.chunks).filteredOn(c -> c instanceof io.sluice.cdk.Chunk.Checkpoint)
                .extracting(c -> ((io.sluice.cdk.Chunk.Checkpoint) c).state().sourceStats().orElseThrow().recordCount())
                .containsExactly(1000.0, 1000.0, 500.0, 1200.0);
        assertThat(store.load().messages()).allSatisfy(m -> assertThat(m.sourceStats()).isEmpty());
    }

    @Test
    void theSourceStartsFromTheSavedState() {
        store.save(new InputState(List.of(cursor(USERS, 77))));
        FakeSource source = new FakeSource((catalog, state, out) -> { });

        engine.run(request(source, new InMemoryDestination()).build());

        assertThat(source.startedWith.get().streamState(USERS).orElseThrow().get("cursor").asLong()).isEqualTo(77);
    }

    @Test
    void theDestinationGetsTheMappedCatalogAndTheSourceTheOriginal() {
        InMemoryDestination destination = new InMemoryDestination();
        FakeSource source = new FakeSource((catalog, state, out) -> {
            assertThat(catalog.streams().get(0).stream().name()).isEqualTo("users");
            out.record(0, new Object[] {1L, "a"});
        });

        SyncResult result = engine.run(request(source, destination)
                .namespaceMapping(new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT, "prod_${SOURCE_NAMESPACE}", "pg_"))
                .build());

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(destination.catalogSeen.get().streams().get(0).descriptor().toString()).isEqualTo("prod_public.pg_users");
        assertThat(destination.rows(io.sluice.protocol.StreamDescriptor.of("prod_public", "pg_users"))).hasSize(1);
        assertThat(result.streams()).containsKey(USERS);
    }

    @Test
    void aSourceFailureKeepsItsKindAndTheStatesAcknowledgedBeforeIt() {
        FakeSource source = new FakeSource((catalog, state, out) -> {
            for (long i = 1; i <= 50; i++) {
                out.record(0, new Object[] {i, "u"});
            }
            out.state(cursor(USERS, 50));
            for (long i = 51; i <= 70; i++) {
                out.record(0, new Object[] {i, "u"});
            }
            throw ConnectorException.transientError("connection reset by the server", null);
        });
        InMemoryDestination destination = new InMemoryDestination();

        SyncResult result = engine.run(request(source, destination).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        SyncResult.Failure failure = result.failure().orElseThrow();
        assertThat(failure.origin()).isEqualTo(Origin.SOURCE);
        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.message()).isEqualTo("connection reset by the server");
        assertThat(failure.stackTrace()).contains("ConnectorException");
        assertThat(destination.inputFailure.get()).isInstanceOf(ConnectorException.class);
        assertThat(destination.rows(USERS)).hasSize(50);
        assertThat(store.load().messages()).containsExactly(cursor(USERS, 50));
        assertThat(result.streams().get(USERS).recordsEmitted()).isEqualTo(70);
        assertThat(result.streams().get(USERS).recordsCommitted()).isEqualTo(50);
    }

    @Test
    void anUnclassifiedSourceExceptionIsASystemFailure() {
        FakeSource source = new FakeSource((catalog, state, out) -> {
            throw new IllegalStateException("cursor column vanished");
        });

        SyncResult result = engine.run(request(source, new InMemoryDestination()).build());

        assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.SYSTEM);
        assertThat(result.failure().orElseThrow().message()).isEqualTo("source failed: cursor column vanished");
    }

    @Test
    void aDestinationFailureStopsAnEndlessSource() {
        FakeSource source = new FakeSource(endless());
        InMemoryDestination destination = new InMemoryDestination().failAtCheckpoint(3);

        SyncResult result = engine.run(request(source, destination).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure().orElseThrow().origin()).isEqualTo(Origin.DESTINATION);
        assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(result.failure().orElseThrow().message()).isEqualTo("the destination table is read-only");
        assertThat(source.endedWith.get()).isInstanceOf(SyncCancelledException.class);
        assertThat(store.load().messages()).containsExactly(cursor(USERS, 200));
        assertThat(result.streams().get(USERS).recordsCommitted()).isEqualTo(200);
    }

    @Test
    void aDestinationThatReturnsBeforeTheEndOfItsInputFails() {
        InMemoryDestination lazy = new InMemoryDestination() {
            @Override
            public void write(com.fasterxml.jackson.databind.JsonNode config, io.sluice.protocol.ConfiguredCatalog catalog,
                    io.sluice.cdk.RecordInput input, io.sluice.cdk.StateAcknowledger acknowledger) {
                input.next();
            }
        };

        SyncResult result = engine.run(request(new FakeSource(endless()), lazy).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure().orElseThrow().origin()).isEqualTo(Origin.DESTINATION);
        assertThat(result.failure().orElseThrow().message()).contains("before reading all of its input");
    }

    @Test
    void cancellingAnEndlessSlowSyncEndsItQuicklyAndKeepsOnlyAcknowledgedStates() throws Exception {
        InMemoryDestination destination = new InMemoryDestination().sleepPerBatch(5);
        FakeSource source = new FakeSource(endless());
        SyncHandle handle = engine.start(request(source, destination).build());
        while (store.saveCount() < 2) {
            Thread.sleep(5);
        }

        long start = System.nanoTime();
        handle.cancel();
        SyncResult result = handle.await();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.status()).isEqualTo(Status.CANCELLED);
        assertThat(result.failure()).isEmpty();
        assertThat(destination.inputFailure.get()).isInstanceOf(SyncCancelledException.class);
        assertThat(source.endedWith.get()).isInstanceOf(SyncCancelledException.class);
        long savedCursor = store.load().streamState(USERS).orElseThrow().get("cursor").asLong();
        assertThat((long) destination.rows(USERS).size()).isEqualTo(savedCursor);
        assertThat(result.finalState()).isEqualTo(store.load());
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void cancellingASourceThatWaitsWithoutEmittingInterruptsIt() {
        FakeSource source = new FakeSource((catalog, state, out) -> {
            out.record(0, new Object[] {1L, "a"});
            Thread.sleep(60_000);
        });
        SyncHandle handle = engine.start(request(source, new InMemoryDestination()).build());

        long start = System.nanoTime();
        handle.cancel();
        SyncResult result = handle.await();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.status()).isEqualTo(Status.CANCELLED);
    }

    @Test
    void theQueueBoundKeepsAMillionRowsFromPilingUpBeforeASlowDestination() {
        int batchSize = 1000;
        int capacity = 4;
        InMemoryDestination destination = new InMemoryDestination() {
            @Override
            public void write(com.fasterxml.jackson.databind.JsonNode config, io.sluice.protocol.ConfiguredCatalog catalog,
                    io.sluice.cdk.RecordInput input, io.sluice.cdk.StateAcknowledger acknowledger) {
                // counts instead of keeping rows, so the test measures the engine, not this fake
                for (var next = input.next(); next.isPresent(); next = input.next()) {
                    if (next.get() instanceof io.sluice.cdk.Chunk.RowBatch batch) {
                        received.addAndGet(batch.rows().size());
                        if (received.get() % 50_000 == 0) {
                            sleepQuietly(20);
                        }
                    }
                }
            }
        };
        AtomicLong maxInFlight = new AtomicLong();
        FakeSource source = new FakeSource((catalog, state, out) -> {
            for (long i = 1; i <= 1_000_000; i++) {
                out.record(0, new Object[] {i, "x"});
                maxInFlight.accumulateAndGet(i - destination.received.get(), Math::max);
            }
        });

        SyncResult result = engine.run(SyncRequest.builder(source, emptyConfig(), destination, emptyConfig(),
                        TestCatalogs.usersOnly())
                .batchSize(batchSize)
                .queueCapacity(capacity)
                .build());

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(destination.received.get()).isEqualTo(1_000_000);
        // the queue, the batch the source fills and the batch the destination holds
        assertThat(maxInFlight.get()).isLessThanOrEqualTo((long) (capacity + 2) * batchSize);
        assertThat(maxInFlight.get()).isGreaterThan((long) capacity * batchSize);
    }

    @Test
    void progressIsReportedWhileTheSyncRuns() {
        InMemoryDestination destination = new InMemoryDestination().sleepPerBatch(20);

        SyncResult result = engine.run(request(new FakeSource(TWO_STREAMS), destination)
                .progressInterval(Duration.ofMillis(50))
                .build());

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(listener.progress).isNotEmpty();
        SyncProgress last = listener.progress.get(listener.progress.size() - 1);
        assertThat(last.recordsEmitted()).isBetween(1L, 3700L);
        assertThat(last.recordsCommitted()).isLessThanOrEqualTo(last.recordsEmitted());
        assertThat(listener.logs).anyMatch(l -> l.origin().equals("engine") && l.message().startsWith("sync started"));
    }

    @Test
    void theConnectorThreadsCarryTheCallersMdc() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeSource source = new FakeSource((catalog, state, out) -> seen.add("source " + org.slf4j.MDC.get("jobId")));
        InMemoryDestination destination = new InMemoryDestination() {
            @Override
            public void write(com.fasterxml.jackson.databind.JsonNode config, io.sluice.protocol.ConfiguredCatalog catalog,
                    io.sluice.cdk.RecordInput input, io.sluice.cdk.StateAcknowledger acknowledger) {
                seen.add("destination " + org.slf4j.MDC.get("jobId"));
                super.write(config, catalog, input, acknowledger);
            }
        };
        org.slf4j.MDC.put("jobId", "42");
        try {
            engine.run(request(source, destination).build());
        } finally {
            org.slf4j.MDC.remove("jobId");
        }

        assertThat(seen).containsExactlyInAnyOrder("source 42", "destination 42");
    }

    @Test
    void sourceLogsReachTheListener() {
        FakeSource source = new FakeSource((catalog, state, out) -> out.log(LogMessage.Level.WARN, "slow table"));

        engine.run(request(source, new InMemoryDestination()).build());

        assertThat(listener.logs).contains(new RecordingListener.Line(LogMessage.Level.WARN, "source", "slow table"));
    }

    @Test
    void anUnreadableStateStoreFailsTheSyncBeforeItStarts() {
        StateStore broken = new StateStore() {
            @Override
            public InputState load() {
                throw ConnectorException.config("the state file is not JSON");
            }

            @Override
            public void save(InputState state) {}
        };
        FakeSource source = new FakeSource((catalog, state, out) -> { });

        SyncResult result = engine.run(request(source, new InMemoryDestination()).stateStore(broken).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure().orElseThrow().origin()).isEqualTo(Origin.ENGINE);
        assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(source.startedWith.get()).isNull();
    }

    /** Rows of users forever, a state every 100 rows. */
    private static FakeSource.Body endless() {
        return (catalog, state, out) -> {
            for (long i = 1; ; i++) {
                out.record(0, new Object[] {i, "u" + i});
                if (i % 100 == 0) {
                    out.state(cursor(USERS, i));
                }
            }
        };
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
