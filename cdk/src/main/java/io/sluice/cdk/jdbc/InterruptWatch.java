package io.sluice.cdk.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a blocking JDBC call stop when its thread is interrupted: while open, a shared daemon
 * timer looks at the thread every {@value #PERIOD_MILLIS} ms and, once it is interrupted, calls
 * {@link Statement#cancel()} (the driver then fails the running call). JDBC drivers ignore
 * interrupts otherwise. The check runs on a shared timer thread, so {@code cancel} must be
 * safe to call from another thread. Open it on the thread that runs the statement; close it when done.
 */
public final class InterruptWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(InterruptWatch.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-jdbc-interrupt-watch");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> task;
    private volatile boolean cancelled;

    /** Stops a running call; must be safe to call from another thread. */
    @FunctionalInterface
    public interface Cancel {
        void cancel() throws SQLException;
    }

    private InterruptWatch(Thread thread, Cancel cancel) {
        this.task = TIMER.scheduleAtFixedRate(() -> {
            if (!cancelled && thread.isInterrupted()) {
                cancelled = true;
                try {
                    cancel.cancel();
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("cancelling a running call failed", e);
                }
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Watches the calling thread for {@code statement}. */
    public static InterruptWatch watch(Statement statement) {
        requireNonNull(statement, "statement");
        return new InterruptWatch(Thread.currentThread(), statement::cancel);
    }

    /** Watches the calling thread for any call that {@code cancel} stops (e.g. a driver's query cancel). */
    public static InterruptWatch watch(Cancel cancel) {
        return new InterruptWatch(Thread.currentThread(), requireNonNull(cancel, "cancel"));
    }

    /** Whether the statement was cancelled because the thread was interrupted. */
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
