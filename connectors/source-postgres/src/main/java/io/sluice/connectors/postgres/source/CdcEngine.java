package io.sluice.connectors.postgres.source;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Debezium embedded engine run on its own thread, handing its change events to the reading
 * thread through a bounded queue (the bound is the backpressure). The engine's end, normal or
 * failed, arrives on the same queue as an {@link Event.Ended}.
 *
 * <p>Debezium moves the slot's confirmed position to the offsets it is told are processed. Either
 * every event counts as processed once queued ({@code deferCommits == false}), or none does and the
 * reading thread names the processed position itself with {@link #commit} (an acknowledged one).
 */
final class CdcEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CdcEngine.class);
    private static final int QUEUE_SIZE = 10_000;
    /** How long closing waits for Debezium to stop: within the engine's grace time for a cancelled sync. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(8);

    /** What the reading thread takes from the queue. */
    sealed interface Event permits Event.Change, Event.Ended {
        record Change(SourceRecord record) implements Event {}

        record Ended(boolean success, String message, Throwable error) implements Event {}
    }

    private volatile boolean closed;
    private final boolean deferCommits;
    private volatile DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer;
    private volatile ChangeEvent<SourceRecord, SourceRecord> lastEvent;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sluice-debezium");
        t.setDaemon(true);
        return t;
    });

    CdcEngine(Properties properties, boolean deferCommits) {
        this.deferCommits = deferCommits;
        this.engine = DebeziumEngine.create(Connect.class)
                .using(properties)
                .using((success, message, error) -> ended(new Event.Ended(success, message, error)))
                .notifying(this::handle)
                .build();
    }

    void start() {
        thread.execute(engine);
    }

    /** The next event, or null after {@code millis} without one. */
    Event poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    boolean idle() {
        return queue.isEmpty();
    }

    private void handle(List<ChangeEvent<SourceRecord, SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer) throws InterruptedException {
        for (ChangeEvent<SourceRecord, SourceRecord> event : batch) {
            Event.Change change = new Event.Change(event.value());
            while (!queue.offer(change, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return;
                }
            }
            if (deferCommits) {
                this.committer = committer;
                this.lastEvent = event;
            } else {
                committer.markProcessed(event);
            }
        }
        if (!deferCommits) {
            committer.markBatchFinished();
        }
    }

    /**
     * With deferred commits: tells Debezium that everything up to {@code offset} is processed, so it
     * commits that offset (and, with {@code flush.lsn.source}, confirms its LSN to the slot). Called
     * on the reading thread. Returns false when no event has arrived yet to commit against.
     */
    boolean commit(Map<String, ?> offset) throws InterruptedException {
        DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> c = committer;
        ChangeEvent<SourceRecord, SourceRecord> event = lastEvent;
        if (!deferCommits || c == null || event == null || closed) {
            return false;
        }
        DebeziumEngine.Offsets offsets = c.buildOffsets();
        offset.forEach(offsets::set);
        c.markProcessed(event, offsets);
        c.markBatchFinished();
        return true;
    }

    private void ended(Event.Ended end) {
        try {
            while (!closed && !queue.offer(end, 100, TimeUnit.MILLISECONDS)) {
                // the reader takes events until it closes the engine
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops Debezium and waits for it (it commits the processed offset and lets go of the slot). The
     * stop runs on a thread of its own, so that a reading thread interrupted by a cancel does not cut
     * it short; the wait gives up after {@link #STOP_WAIT}.
     */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        Thread stopper = new Thread(() -> {
            try {
                engine.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("stopping Debezium failed", e);
            }
            thread.shutdown();
        }, "sluice-debezium-stop");
        stopper.setDaemon(true);
        stopper.start();
        boolean interrupted = false;
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (true) {
            try {
                long left = deadline - System.nanoTime();
                stopper.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (!stopper.isAlive() && thread.awaitTermination(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS) || System.nanoTime() >= deadline) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (!thread.isTerminated()) {
            LOG.warn("Debezium did not stop within {} s", STOP_WAIT.toSeconds());
            thread.shutdownNow();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
