package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.jdbc.BatchExchange;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full refresh of one large table on several connections at once: the coordinating connection
 * exports a snapshot from a REPEATABLE READ transaction; each worker imports it and scans CTID page
 * ranges taken from a shared queue, so all workers see the same consistent table. Workers fill row
 * batches; the calling thread emits them (the emitter is single-threaded). The last range is open
 * ended, so rows in pages added after the size was taken are still read.
 */
final class ChunkedRead {
    static final int BATCH_ROWS = 2_000;
    private static final int RANGES_PER_WORKER = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ChunkedRead.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final PgConnections connections;
    private final int workers;

    ChunkedRead(PgConnections connections, int workers) {
        this.connections = requireNonNull(connections, "connections");
        this.workers = workers;
    }

    void read(Connection coordinator, StreamPlan plan, TableScan scan, StreamCheckpoints out) throws SQLException {
        coordinator.setAutoCommit(false);
        try (Statement s = coordinator.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            String snapshot = single(s, "SELECT pg_export_snapshot()");
            long pages = pages(coordinator, plan.table());
            Queue<String> ranges = new ConcurrentLinkedQueue<>(ranges(pages, workers * RANGES_PER_WORKER));
            LOG.info("reading {} ({} pages) in {} ranges on {} connections", plan.descriptor(), pages, ranges.size(),
                    workers);
            readRanges(snapshot, ranges, scan, out);
        } finally {
            endSnapshot(coordinator);
        }
        out.finish(JsonNodeFactory.instance.objectNode());
    }

    private void readRanges(String snapshot, Queue<String> ranges, TableScan scan, StreamCheckpoints out)
            throws SQLException {
        BatchExchange exchange = new BatchExchange(workers * 4, workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "source-postgres-chunk-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < workers; i++) {
                pool.execute(() -> work(snapshot, ranges, scan, exchange));
            }
            var next = exchange.take();
            while (next.isPresent()) {
                for (Object[] row : next.get()) {
                    out.row(row);
                    if (out.due()) {
                        out.checkpoint(JsonNodeFactory.instance.objectNode());
                    }
                }
                next = exchange.take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        } catch (BatchExchange.ProducerFailedException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        } finally {
            exchange.close();
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** One worker: its own connection in the exported snapshot, ranges until none is left. */
    private void work(String snapshot, Queue<String> ranges, TableScan scan, BatchExchange exchange) {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
            }
            String range;
            while ((range = ranges.poll()) != null) {
                List<List<Object[]>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH_ROWS)));
                scan.scan(connection, range, row -> {
                    List<Object[]> current = batch.getFirst();
                    current.add(row);
                    if (current.size() >= BATCH_ROWS) {
                        put(exchange, current);
                        batch.set(0, new ArrayList<>(BATCH_ROWS));
                    }
                });
                put(exchange, batch.getFirst());
            }
            connection.rollback();
        } catch (Throwable t) {
            exchange.producerFailed(t);
        } finally {
            exchange.producerDone();
        }
    }

    private static void put(BatchExchange exchange, List<Object[]> batch) {
        try {
            exchange.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        }
    }

    /** {@code ctid} conditions splitting pages 0..pages into about {@code count} ranges, the last open ended. */
    static List<String> ranges(long pages, int count) {
        long step = Math.max(1, (pages + count - 1) / count);
        List<String> ranges = new ArrayList<>();
        for (long start = 0; start < pages; start += step) {
            long end = start + step;
            ranges.add(end >= pages
                    ? "ctid >= '(" + start + ",0)'::tid"
                    : "ctid >= '(" + start + ",0)'::tid AND ctid < '(" + end + ",0)'::tid");
        }
        if (ranges.isEmpty()) {
            ranges.add("ctid >= '(0,0)'::tid");
        }
        return ranges;
    }

    private static long pages(Connection connection, PgTable table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT pg_relation_size(?::regclass) / current_setting('block_size')::int")) {
            s.setString(1, table.qualifiedName());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Ends the exporting transaction; on a broken connection the read's own failure is the one reported. */
    private static void endSnapshot(Connection coordinator) {
        try {
            coordinator.rollback();
            coordinator.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("ending the snapshot transaction failed", e);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("parallel readers did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
