package io.sluice.cdk.testkit;

import io.sluice.cdk.Emitter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Interrupts a source's read while rows flow, as a cancelled sync does: the read runs on a thread of
 * its own with an emitter that takes about a microsecond per row; once the first row arrived the
 * thread is interrupted and given ten seconds to end.
 */
public final class InterruptedRead {
    private InterruptedRead() {}

    /**
     * How the read ended.
     *
     * @param failure what the read threw (null if it returned)
     * @param stoppedAfter from the interrupt to the end of the thread (or the ten seconds waited)
     * @param stillRunning whether the thread was still alive after the wait
     * @param rows rows emitted before the end
     */
    public record Outcome(Throwable failure, Duration stoppedAfter, boolean stillRunning, long rows) {}

    /** Runs {@code read} with the emitter it is given, interrupts it, and reports how it ended. */
    public static Outcome run(Consumer<Emitter> read) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountingEmitter out = new CountingEmitter(-1) {
            @Override
            public void record(int streamIndex, Object[] row) {
                super.record(streamIndex, row);
                started.countDown();
                try {
                    Thread.sleep(0, 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Thread reader = new Thread(() -> {
            try {
                read.accept(out);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no row within 30 s");
        }
        long interruptedAt = System.nanoTime();
        reader.interrupt();
        reader.join(Duration.ofSeconds(10));
        return new Outcome(failure.get(), Duration.ofNanos(System.nanoTime() - interruptedAt), reader.isAlive(),
                out.rows());
    }
}
