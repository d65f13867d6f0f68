package io.sluice.cdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.SyncCancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BatchExchangeTest {

    @Test
    void theConsumerGetsEveryBatchOfEveryProducerThenTheEnd() throws Exception {
        BatchExchange exchange = new BatchExchange(2, 3);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            long base = p * 1000L;
            Thread t = new Thread(() -> {
                try {
                    for (int b = 0; b < 50; b++) {
                        exchange.put(List.<Object[]>of(new Object[] {base + b}));
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    exchange.producerDone();
                }
            });
            producers.add(t);
            t.start();
        }
        long count = 0;
        long sum = 0;
        for (Optional<List<Object[]>> next = exchange.take(); next.isPresent(); next = exchange.take()) {
            count++;
            sum += (Long) next.get().getFirst()[0];
        }
        assertThat(count).isEqualTo(150);
        assertThat(sum).isEqualTo(3 * (49 * 50 / 2) + 50 * (1000 + 2000));
    }

    @Test
    void aProducerFailureReachesTheConsumer() {
        BatchExchange exchange = new BatchExchange(2, 1);
        exchange.producerFailed(new IllegalStateException("boom"));
        exchange.producerDone();
        assertThatThrownBy(exchange::take).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void closingReleasesAWaitingProducer() throws Exception {
        BatchExchange exchange = new BatchExchange(1, 1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    exchange.put(List.<Object[]>of(new Object[] {i}));
                }
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        producer.start();
        Thread.sleep(200);
        exchange.close();
        producer.join(5000);
        assertThat(producer.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(SyncCancelledException.class);
    }
}
