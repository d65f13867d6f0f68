package io.sluice.connectors.postgres.destination;

import io.sluice.cdk.SyncCancelledException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COPY into staging tables over extra connections, one sender thread each, so that several
 * PostgreSQL backends parse and store rows at once while the sync's thread goes on encoding (one
 * backend storing the rows is the slowest part of a load). Each full buffer goes to the sender with
 * the shortest queue; buffers travel back through a free list, so memory stays bounded.
 *
 * <p>Only for staging tables: rows that each sender commits on its own connection are seen by no
 * reader before the sync's main transaction swaps or merges them, and the caller calls
 * {@link #commit} before that swap or merge (it runs on the main connection, which needs the rows
 * committed and the senders' locks released). The senders commit with {@code synchronous_commit =
 * off}: their commits acknowledge nothing by themselves, and the main transaction's synchronous
 * commit that follows flushes the write-ahead log up to its own commit record, so also every earlier
 * sender commit; after a crash before that point no state was acknowledged and the staging tables
 * are recreated or dropped by the next attempt.
 */
final class ParallelCopy implements CopySink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelCopy.class);
    private static final int QUEUE_PER_SENDER = 2;

    private final List<Sender> senders = new ArrayList<>();
    private final BlockingQueue<byte[]> free = new LinkedBlockingQueue<>();
    private volatile SQLException failure;
    private int next;

    private ParallelCopy() {}

    /** Opens {@code connections} sessions and starts their sender threads. */
    static ParallelCopy open(PostgresConfig config, int connections) throws SQLException {
        ParallelCopy copy = new ParallelCopy();
        try {
            for (int i = 0; i < connections; i++) {
                PgSession session = PgSession.open(config);
                copy.senders.add(copy.new Sender(session, i));
                session.execute("SET synchronous_commit = off");
                session.commit();
            }
        } catch (SQLException | RuntimeException e) {
            copy.close();
            throw e;
        }
        for (int i = 0; i < connections * (QUEUE_PER_SENDER + 1); i++) {
            copy.free.add(new byte[TableCopy.BUFFER_BYTES]);
        }
        copy.senders.forEach(s -> s.thread.start());
        return copy;
    }

    @Override
    public byte[] send(TableCopy owner, byte[] bytes, int length) throws SQLException {
        checkFailure();
        Sender target = senders.get(next);
        for (int i = 1; i < senders.size(); i++) {
            Sender other = senders.get((next + i) % senders.size());
            if (other.queue.size() < target.queue.size()) {
                target = other;
            }
        }
        next = (next + 1) % senders.size();
        try {
            target.queue.put(new Command.Data(owner, bytes, length));
            byte[] buffer;
            while ((buffer = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                checkFailure();
            }
            return buffer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        }
    }

    /** Waits until every buffer sent so far is stored, then commits each sender's transaction. */
    void commit() throws SQLException {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try {
            for (Sender sender : senders) {
                CompletableFuture<Void> committed = new CompletableFuture<>();
                sender.queue.put(new Command.Commit(committed));
                done.add(committed);
            }
            for (CompletableFuture<Void> committed : done) {
                committed.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        } catch (ExecutionException e) {
            checkFailure();
            throw new SQLException("a parallel COPY failed", e.getCause());
        }
        checkFailure();
    }

    private void checkFailure() throws SQLException {
        SQLException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** Stops the senders, rolling back what they did not commit, and closes their connections; never throws. */
    @Override
    public void close() {
        for (Sender sender : senders) {
            sender.queue.clear();
            if (!sender.queue.offer(new Command.Stop())) {
                LOG.warn("Could not stop a COPY sender");
            }
        }
        for (Sender sender : senders) {
            try {
                if (sender.thread.isAlive()) {
                    sender.thread.join(TimeUnit.SECONDS.toMillis(30));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                sender.session.close();
            } catch (SQLException e) {
                LOG.warn("Closing a COPY connection failed: {}", PostgresErrors.plain(e));
            }
        }
    }

    private sealed interface Command {
        record Data(TableCopy owner, byte[] bytes, int length) implements Command {}

        record Commit(CompletableFuture<Void> done) implements Command {}

        record Stop() implements Command {}
    }

    /** One connection and the thread that writes to it; after a failure it only returns buffers. */
    private final class Sender implements Runnable {
        private final PgSession session;
        private final BlockingQueue<Command> queue = new ArrayBlockingQueue<>(QUEUE_PER_SENDER);
        private final Thread thread;

        Sender(PgSession session, int index) {
            this.session = session;
            this.thread = Thread.ofPlatform().name("sluice-pg-copy-" + index).daemon().unstarted(this);
        }

        @Override
        public void run() {
            while (true) {
                Command command;
                try {
                    command = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                switch (command) {
                    case Command.Data data -> {
                        if (failure == null) {
                            try {
                                session.copy(data.owner(), data.bytes(), data.length());
                            } catch (SQLException | RuntimeException e) {
                                fail(e);
                            }
                        }
                        free.add(data.bytes());
                    }
                    case Command.Commit commit -> {
                        if (failure == null) {
                            try {
                                session.commit();
                                commit.done().complete(null);
                            } catch (SQLException | RuntimeException e) {
                                fail(e);
                            }
                        }
                        if (failure != null) {
                            commit.done().completeExceptionally(failure);
                        }
                    }
                    case Command.Stop stop -> {
                        session.rollbackQuietly();
                        return;
                    }
                }
            }
        }

        private void fail(Exception e) {
            LOG.warn("A parallel COPY failed: {}", e instanceof SQLException sql ? PostgresErrors.plain(sql) : e.toString());
            synchronized (ParallelCopy.this) {
                if (failure == null) {
                    failure = e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
                }
            }
        }
    }
}
