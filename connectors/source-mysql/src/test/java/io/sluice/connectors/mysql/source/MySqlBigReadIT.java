package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A million rows pass in constant memory (failsafe runs with -Xmx128m, so a buffered result set of
 * about 200 MB would not fit), and cancelling or interrupting stops a read promptly.
 */
class MySqlBigReadIT {
    private static final int ROWS = 1_000_000;
    private MySqlTestDatabase db;
    private final MySqlSource source = new MySqlSource();

    @BeforeEach
    void createTable() {
        db = new MySqlTestDatabase(getClass());
        db.sql("CREATE TABLE million (id bigint PRIMARY KEY, a int, n decimal(12,2), s char(32), ts datetime, "
                        + "pad varchar(100))",
                "INSERT INTO million SELECT seq, seq % 1000, (seq % 100000) / 7, MD5(seq), "
                        + "TIMESTAMP '2024-01-01 00:00:00' - INTERVAL seq SECOND, REPEAT('x', 100) FROM seq_1_to_" + ROWS);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void aMillionRowsPassInConstantMemory() {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "million");
        CountingEmitter out = new CountingEmitter(-1);

        source.read(db.config(), SourceReads.fullRefresh(stream), InputState.empty(), out);

        assertThat(out.rows).isEqualTo(ROWS);
        assertThat(out.idSum).isEqualTo((long) ROWS * (ROWS + 1L) / 2);
        assertThat(out.states).isGreaterThanOrEqualTo(10);
    }

    @Test
    void anEmitterCancellingStopsTheReadAndTheQueryEnds() throws Exception {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "million");
        CountingEmitter out = new CountingEmitter(50_000);

        assertThatThrownBy(() -> source.read(db.config(), SourceReads.fullRefresh(stream), InputState.empty(), out))
                .isInstanceOf(SyncCancelledException.class);
        assertThat(out.rows).isEqualTo(50_000);
        awaitNoQueryOnTheTable();
    }

    @Test
    void interruptingTheReadingThreadStopsItPromptly() throws Exception {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "million");
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
                source.read(db.config(), SourceReads.fullRefresh(stream), InputState.empty(), out);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        long interruptedAt = System.nanoTime();
        reader.interrupt();
        reader.join(Duration.ofSeconds(10));

        assertThat(reader.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure.get()).isInstanceOf(SyncCancelledException.class);
        assertThat(out.rows).isLessThan(ROWS);
        awaitNoQueryOnTheTable();
    }

    private void awaitNoQueryOnTheTable() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long running;
        do {
            try (Statement s = db.connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.PROCESSLIST "
                            + "WHERE COMMAND = 'Query' AND INFO LIKE '%million%' AND ID <> CONNECTION_ID()")) {
                rs.next();
                running = rs.getLong(1);
            }
            if (running > 0) {
                Thread.sleep(100);
            }
        } while (running > 0 && System.nanoTime() < deadline);
        assertThat(running).as("queries still running on the table").isZero();
    }

    /** Counts rows and sums the first column; throws SyncCancelledException after {@code cancelAfter} rows. */
    private static class CountingEmitter implements Emitter {
        private final long cancelAfter;
        volatile long rows;
        long idSum;
        int states;

        CountingEmitter(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void record(int streamIndex, Object[] row) {
            if (rows == cancelAfter) {
                throw new SyncCancelledException();
            }
            rows++;
            idSum += (Long) row[0];
        }

        @Override
        public void state(StateMessage state) {
            states++;
        }

        @Override
        public void log(LogMessage.Level level, String message) { }

        @Override
        public void trace(TraceMessage trace) { }
    }
}
