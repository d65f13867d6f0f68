package io.sluice.connectors.postgres.source;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import java.io.IOException;
import java.util.List;
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
 */
final class CdcEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CdcEngine.class);
    private static final int QUEUE_SIZE = 10_000;

    /** What the reading thread takes from the queue. */
    sealed interface Event permits Event.Change, Event.Ended {
        record Change(SourceRecord record) implements Event {}

        record Ended(boolean success, String message, Throwable error) implements Event {}
    }

    private volatile boolean closed;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sluice-debezium");
        t.setDaemon(true);
        return t;
    });

    CdcEngine(Properties properties) {
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
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
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

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            engine.close();
        } catch (IOException e) {
            LOG.warn("stopping Debezium failed", e);
        }
        queue.clear();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Debezium did not stop within 30 s");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
