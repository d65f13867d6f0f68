package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.InputState;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.testkit.CountingEmitter;
import io.sluice.cdk.testkit.InterruptedRead;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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

        assertThat(out.rows()).isEqualTo(ROWS);
        assertThat(out.idSum()).isEqualTo((long) ROWS * (ROWS + 1L) / 2);
        assertThat(out.states()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void anEmitterCancellingStopsTheReadAndTheQueryEnds() throws Exception {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "million");
        CountingEmitter out = new CountingEmitter(50_000);

        assertThatThrownBy(() -> source.read(db.config(), SourceReads.fullRefresh(stream), InputState.empty(), out))
                .isInstanceOf(SyncCancelledException.class);
        assertThat(out.rows()).isEqualTo(50_000);
        awaitNoQueryOnTheTable();
    }

    @Test
    void interruptingTheReadingThreadStopsItPromptly() throws Exception {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "million");

        InterruptedRead.Outcome outcome = InterruptedRead.run(out ->
                source.read(db.config(), SourceReads.fullRefresh(stream), InputState.empty(), out));

        assertThat(outcome.stillRunning()).isFalse();
        assertThat(outcome.stoppedAfter()).isLessThan(Duration.ofSeconds(5));
        assertThat(outcome.failure()).isInstanceOf(SyncCancelledException.class);
        assertThat(outcome.rows()).isLessThan(ROWS);
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
}
