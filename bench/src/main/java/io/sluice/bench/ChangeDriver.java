package io.sluice.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * Drives changes into the source table at a steady rate: every 10 ms, one transaction with the
 * changes due by then, half inserts of new ids, half updates of random existing rows. Each changed
 * row's {@code changed_at} is {@code clock_timestamp()} at the change, which bench/cdc compares
 * with the moment the row is visible in the destination.
 */
final class ChangeDriver {
    private static final long TICK_NANOS = 10_000_000L;

    /** What was driven: the changes, and how long it took. */
    record Driven(long changes, long inserts, long updates, double seconds) {
        double rate() {
            return changes / seconds;
        }
    }

    private final Connection connection;
    private final String table;
    private final Random random = new Random(42);
    private long nextId;

    /** @param existingRows ids 1..existingRows exist already */
    ChangeDriver(Connection connection, String table, long existingRows) {
        this.connection = connection;
        this.table = table;
        this.nextId = existingRows + 1;
    }

    Driven drive(int changesPerSecond, int seconds) throws SQLException, InterruptedException {
        connection.setAutoCommit(false);
        long inserts = 0;
        long updates = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (id, payload) SELECT g, md5(g::text) FROM generate_series(?::bigint, ?::bigint) g");
                PreparedStatement update = connection.prepareStatement("UPDATE " + table
                        + " SET counter = counter + 1, payload = md5(random()::text), changed_at = clock_timestamp()"
                        + " WHERE id = ANY(?)")) {
            long now;
            while ((now = System.nanoTime()) < end) {
                long due = (long) ((now - start) / 1e9 * changesPerSecond) - inserts - updates;
                if (due > 0) {
                    long newRows = (due + (inserts > updates ? 0 : 1)) / 2;
                    long changedRows = due - newRows;
                    if (newRows > 0) {
                        insert.setLong(1, nextId);
                        insert.setLong(2, nextId + newRows - 1);
                        insert.executeUpdate();
                        nextId += newRows;
                        inserts += newRows;
                    }
                    if (changedRows > 0) {
                        update.setArray(1, randomIds(changedRows));
                        updates += update.executeUpdate();
                    }
                    connection.commit();
                }
                long sleep = TICK_NANOS - (System.nanoTime() - now);
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
        return new Driven(inserts + updates, inserts, updates, (System.nanoTime() - start) / 1e9);
    }

    /** Distinct random ids among the existing rows. */
    private Array randomIds(long count) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        while (ids.size() < count && ids.size() < nextId - 1) {
            ids.add(1 + (long) (random.nextDouble() * (nextId - 1)));
        }
        return connection.createArrayOf("bigint", ids.toArray());
    }
}
