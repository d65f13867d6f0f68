package io.sluice.engine;

import static io.sluice.engine.TestCatalogs.USERS;
import static io.sluice.engine.TestCatalogs.cursor;
import static io.sluice.engine.TestCatalogs.emptyConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.cdc.AcknowledgedStates;
import io.sluice.cdk.cdc.ContinuousMode;
import io.sluice.engine.SyncResult.Status;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A continuous sync: both connectors are told, the source learns what was acknowledged while it runs, cancel ends it. */
@Timeout(30)
class ContinuousSyncTest {
    private final InMemoryStateStore store = new InMemoryStateStore();

    @Test
    void theSourceFollowsAcknowledgementsUntilCancelled() throws Exception {
        List<Long> acknowledgedSeen = new CopyOnWriteArrayList<>();
        FakeSource source = new FakeSource((catalog, state, out) -> {
            AcknowledgedStates acks = (AcknowledgedStates) out;
            for (long i = 1; ; i++) {
                out.record(0, new Object[] {i, "user" + i});
                out.state(cursor(USERS, i));
                acks.acknowledged().streamState(USERS).ifPresent(s -> acknowledgedSeen.add(s.path("cursor").asLong()));
                Thread.sleep(5);
            }
        });
        InMemoryDestination destination = new InMemoryDestination();
        SyncHandle sync = new SyncEngine().start(SyncRequest.builder(source, emptyConfig(), destination, emptyConfig(),
                TestCatalogs.usersOnly()).stateStore(store).batchSize(1000).continuous(true).build());

        while (acknowledgedSeen.size() < 20) {
            assertThat(sync.isDone()).isFalse();
            Thread.sleep(10);
        }
        sync.cancel();
        SyncResult result = sync.await();

        assertThat(result.status()).isEqualTo(Status.CANCELLED);
        assertThat(ContinuousMode.requested(source.configSeen.get())).isTrue();
        assertThat(ContinuousMode.requested(destination.configSeen.get())).isTrue();
        // Each row went to the destination with its state, although far fewer than a batch: nothing waits for a batch to fill.
        assertThat(acknowledgedSeen).isSorted().last().satisfies(last -> assertThat(last).isGreaterThan(1));
        long saved = store.load().streamState(USERS).orElseThrow().path("cursor").asLong();
        assertThat(saved).isGreaterThanOrEqualTo(acknowledgedSeen.getLast());
        assertThat(destination.rows(USERS)).hasSizeGreaterThanOrEqualTo((int) saved);
    }

    @Test
    void aContinuousSyncRefusesOverwriteStreams() {
        FakeSource source = new FakeSource((c, s, o) -> { });
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(TestCatalogs.users(), ConfiguredStream.of(
                TestCatalogs.orders().stream(), SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.OVERWRITE,
                List.of(List.of("id")))));
        SyncResult result = new SyncEngine().run(SyncRequest.builder(source, emptyConfig(), new InMemoryDestination(),
                emptyConfig(), catalog).continuous(true).build());
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure().orElseThrow().kind()).isEqualTo(io.sluice.cdk.FailureKind.CONFIG);
        assertThat(result.failure().orElseThrow().message()).contains("cannot overwrite").contains("orders");
        assertThat(source.startedWith.get()).isNull();
    }

    @Test
    void aBatchSyncLeavesTheConfigsAlone() {
        SyncRequest request = SyncRequest.builder(new FakeSource((c, s, o) -> { }), emptyConfig(),
                new InMemoryDestination(), emptyConfig(), TestCatalogs.usersOnly()).build();
        assertThat(request.effectiveSourceConfig()).isSameAs(request.sourceConfig());
        assertThat(ContinuousMode.requested(request.effectiveDestinationConfig())).isFalse();
    }
}
