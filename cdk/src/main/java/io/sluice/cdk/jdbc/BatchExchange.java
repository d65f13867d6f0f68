package io.sluice.cdk.jdbc;

import io.sluice.cdk.SyncCancelledException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands row batches from several producer threads (parallel readers) to the one consumer thread
 * that emits them, since an {@link io.sluice.cdk.Emitter} is single-threaded. Bounded: producers
 * wait while the consumer is behind, so memory is at most {@code capacity} batches. The first
 * producer failure is rethrown to the consumer; {@link #close()} makes waiting producers give up.
 */
public final class BatchExchange implements AutoCloseable {
    private static final List<Object[]> END = List.of();

    private final BlockingQueue<List<Object[]>> queue;
    private final AtomicInteger running;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;

    /** @param producers how many producers will each call {@link #producerDone()} once */
    public BatchExchange(int capacity, int producers) {
        this.queue = new ArrayBlockingQueue<>(capacity + producers);
        this.running = new AtomicInteger(producers);
    }

    /**
     * Producer side: hands over a batch, waiting for room.
     *
     * @throws SyncCancelledException when the exchange was closed (the consumer stopped)
     */
    public void put(List<Object[]> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (closed) {
                throw new SyncCancelledException();
            }
        }
    }

    /**
     * Producer side: this producer has no more batches (call it once, in a finally block, after
     * {@link #producerFailed} if it failed).
     */
    public void producerDone() {
        running.decrementAndGet();
        queue.offer(END);
    }

    /** Producer side: this producer failed; the consumer rethrows the first failure. */
    public void producerFailed(Throwable t) {
        failure.compareAndSet(null, t);
        queue.offer(END);
    }

    /**
     * Consumer side: the next batch, or empty once every producer is done.
     *
     * @throws RuntimeException a producer's failure (wrapped when it was checked)
     */
    public Optional<List<Object[]>> take() throws InterruptedException {
        while (true) {
            rethrowFailure();
            List<Object[]> batch = queue.poll(100, TimeUnit.MILLISECONDS);
            if (batch == null) {
                if (running.get() == 0 && queue.isEmpty()) {
                    rethrowFailure();
                    return Optional.empty();
                }
                continue;
            }
            if (batch != END) {
                return Optional.of(batch);
            }
            rethrowFailure();
            if (running.get() == 0 && queue.isEmpty()) {
                return Optional.empty();
            }
        }
    }

    private void rethrowFailure() {
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new ProducerFailedException(t);
        }
    }

    /** Consumer side: stop; waiting producers get {@link SyncCancelledException}. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    /** A producer failed with a checked exception, its cause. */
    public static final class ProducerFailedException extends RuntimeException {
        ProducerFailedException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
