package io.sluice.engine;

import static io.sluice.engine.TestCatalogs.emptyConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.SyncResult.Status;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class MemoryBudgetTest {
    private static final String WIDE = "x".repeat(1000);

    @Test
    void aStreamManyTimesTheBudgetSyncsWithTheQueueHeldToHalfOfIt() {
        long budget = 4L << 20;
        long rows = 200_000; // about 200 MB of rows on the heap: fifty times the budget
        CountingDestination destination = new CountingDestination();
        FakeSource source = new FakeSource((catalog, state, out) -> {
            for (long i = 1; i <= rows; i++) {
                out.record(0, new Object[] {i, WIDE});
                if (i % 50_000 == 0) {
                    out.state(TestCatalogs.cursor(TestCatalogs.USERS, i));
                }
            }
        });

        SyncHandle handle = new SyncEngine().start(SyncRequest.builder(source, emptyConfig(), destination,
                        emptyConfig(), TestCatalogs.usersOnly())
                .memoryBudgetBytes(budget)
                .build());
        SyncResult result = handle.await();

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(destination.received.get()).isEqualTo(rows);
        assertThat(result.recordsCommitted()).isEqualTo(rows);
        // 1000-row batches of these rows are ~1 MiB each: by count alone 16 of them could wait
        assertThat(handle.queuePeakBytes()).isPositive().isLessThanOrEqualTo(budget / 2);
        // the destination holds back at the start, so the queue fills up to its bound
        assertThat(handle.queuePeakBytes()).isGreaterThan(budget / 4);
    }

    @Test
    void aBatchLargerThanTheWholeQueueBoundStillPasses() {
        long budget = 1L << 20;
        String huge = "y".repeat(1 << 20);
        CountingDestination destination = new CountingDestination();
        FakeSource source = new FakeSource((catalog, state, out) -> {
            for (long i = 1; i <= 5; i++) {
                out.record(0, new Object[] {i, huge});
            }
        });

        SyncHandle handle = new SyncEngine().start(SyncRequest.builder(source, emptyConfig(), destination,
                        emptyConfig(), TestCatalogs.usersOnly())
                .memoryBudgetBytes(budget)
                .build());

        assertThat(handle.await().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(destination.received.get()).isEqualTo(5);
    }

    /** Counts rows and acknowledges states; waits a little before it starts reading. */
    private static final class CountingDestination extends InMemoryDestination {
        final AtomicLong received = new AtomicLong();

        @Override
        public void write(com.fasterxml.jackson.databind.JsonNode config, io.sluice.protocol.ConfiguredCatalog catalog,
                io.sluice.cdk.RecordInput input, io.sluice.cdk.StateAcknowledger acknowledger) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (var next = input.next(); next.isPresent(); next = input.next()) {
                switch (next.get()) {
                    case io.sluice.cdk.Chunk.RowBatch batch -> received.addAndGet(batch.rows().size());
                    case io.sluice.cdk.Chunk.Checkpoint checkpoint -> acknowledger.acknowledge(checkpoint.state());
                }
            }
        }
    }
}
