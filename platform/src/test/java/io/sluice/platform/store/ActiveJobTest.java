package io.sluice.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.PlatformSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database, not a lock in one process, keeps one pending/running/incomplete job per connection (embedded H2). */
class ActiveJobTest {
    private static final String CONNECTION = "6f1c8a52-0f7e-4d0c-9a55-0c2f3f1f0a11";

    @TempDir
    Path dir;

    private Database database;
    private JobDao jobs;

    @BeforeEach
    void open() {
        database = Database.open(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir));
        jobs = database.dao(JobDao.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSecondActiveJobOfAConnectionIsRefusedAndLeavesNoRow() {
        long first = jobs.insertActiveJob("sync", CONNECTION, Instant.now());

        assertThatThrownBy(() -> jobs.insertActiveJob("reset_connection", CONNECTION, Instant.now()))
                .isInstanceOf(JdbiException.class);
        assertThat(jobs.activeJob(CONNECTION)).contains(first);
        assertThat(jobs.listActive()).extracting(JobRow::id).containsExactly(first);
        assertThat(jobs.insertActiveJob("sync", "another-connection", Instant.now())).isNotEqualTo(first);
    }

    @Test
    void endingAJobFreesItsConnection() {
        long first = jobs.insertActiveJob("sync", CONNECTION, Instant.now());
        jobs.markRunning(first, Instant.now());
        jobs.end(first, "succeeded", Instant.now());

        assertThat(jobs.findJob(first).orElseThrow().status()).isEqualTo("succeeded");
        assertThat(jobs.activeJob(CONNECTION)).isEmpty();
        long second = jobs.insertActiveJob("sync", CONNECTION, Instant.now());
        assertThat(jobs.activeJob(CONNECTION)).contains(second);
    }

    @Test
    void onlyAPendingJobIsCancelledInPlace() {
        long pending = jobs.insertActiveJob("sync", CONNECTION, Instant.now());
        jobs.requestCancel(pending);
        assertThat(jobs.cancelRequested(pending)).isTrue();
        assertThat(jobs.cancelIfPending(pending, Instant.now())).isTrue();
        assertThat(jobs.activeJob(CONNECTION)).isEmpty();

        long running = jobs.insertActiveJob("sync", CONNECTION, Instant.now());
        jobs.markRunning(running, Instant.now());
        assertThat(jobs.cancelRequested(running)).isFalse();
        assertThat(jobs.cancelIfPending(running, Instant.now())).isFalse();
        assertThat(jobs.findJob(running).orElseThrow().status()).isEqualTo("running");
        assertThat(jobs.activeJob(CONNECTION)).contains(running);
    }
}
