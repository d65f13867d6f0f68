package io.sluice.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;

/**
 * Watches the destination table every 50 ms for rows whose {@code changed_at} is newer than any
 * seen before; each such row is one latency sample: the destination server's clock at the query
 * minus the row's commit-time stamp from the source (both servers share this machine's clock).
 * Runs on its own thread until closed.
 */
final class VisibilityProbe implements AutoCloseable {
    private static final long PERIOD_MILLIS = 50;

    private final Connection connection;
    private final String table;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SQLException failure;
    private volatile OffsetDateTime newest;
    private double[] samples = new double[1 << 16];
    private int count;

    private VisibilityProbe(Connection connection, String table, OffsetDateTime from) {
        this.connection = connection;
        this.table = table;
        this.newest = from;
        this.thread = new Thread(this::watch, "bench-visibility-probe");
        this.thread.setDaemon(true);
    }

    /** Starts watching for rows changed after {@code from}. */
    static VisibilityProbe start(Connection connection, String table, OffsetDateTime from) {
        VisibilityProbe probe = new VisibilityProbe(connection, table, from);
        probe.thread.start();
        return probe;
    }

    /** The newest {@code changed_at} seen in the destination so far. */
    OffsetDateTime newest() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        return newest;
    }

    private void watch() {
        try (PreparedStatement s = connection.prepareStatement("SELECT changed_at,"
                + " extract(epoch FROM clock_timestamp() - changed_at)::float8 FROM " + table + " WHERE changed_at > ?")) {
            while (running) {
                long started = System.nanoTime();
                s.setObject(1, newest);
                OffsetDateTime max = newest;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                        add(rs.getDouble(2));
                        if (at.isAfter(max)) {
                            max = at;
                        }
                    }
                }
                newest = max;
                long sleep = PERIOD_MILLIS - (System.nanoTime() - started) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void add(double seconds) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = seconds;
    }

    /** "p50 0.41 s, p95 ..." over the samples so far, and whether the goal (p50 < 1 s, p99 < 5 s) is met. */
    synchronized String summary() {
        if (count == 0) {
            return "no samples";
        }
        double[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 50);
        double p99 = percentile(sorted, 99);
        return String.format(Locale.ROOT, "%,d samples: p50 %.3f s, p95 %.3f s, p99 %.3f s, max %.3f s%n"
                + "goal: p50 < 1 s, p99 < 5 s: %s", count, p50, percentile(sorted, 95), p99, sorted[count - 1],
                p50 < 1 && p99 < 5 ? "met" : "NOT met");
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
