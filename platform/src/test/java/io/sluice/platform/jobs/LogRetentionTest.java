package io.sluice.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRetentionTest {
    private static final Instant NOW = Instant.parse("2030-01-31T00:00:00Z");

    @TempDir
    Path logs;

    private void log(long jobId, int attempt, int bytes, Instant modified) throws IOException {
        Path file = logs.resolve(Long.toString(jobId)).resolve("attempt-" + attempt + ".log");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private LogRetention retention(Duration maxAge, long maxBytes, Set<Long> active) {
        return new LogRetention(logs, maxAge, maxBytes, Clock.fixed(NOW, ZoneOffset.UTC), () -> active);
    }

    @Test
    void removesJobsOlderThanTheMaximumAgeButNotActiveOnes() throws IOException {
        log(1, 1, 10, NOW.minus(Duration.ofDays(40)));
        log(2, 1, 10, NOW.minus(Duration.ofDays(40)));
        log(2, 2, 10, NOW.minus(Duration.ofDays(1)));
        log(3, 1, 10, NOW.minus(Duration.ofDays(31)));
        log(4, 1, 10, NOW.minus(Duration.ofDays(90)));
        assertThat(retention(Duration.ofDays(30), 1_000_000, Set.of(4L)).sweep()).isEqualTo(2);
        assertThat(logs.resolve("1")).doesNotExist();
        assertThat(logs.resolve("2").resolve("attempt-1.log")).exists();
        assertThat(logs.resolve("3")).doesNotExist();
        assertThat(logs.resolve("4")).exists();
    }

    @Test
    void removesTheOldestUntilTheRestFitsTheTotalSize() throws IOException {
        log(1, 1, 400, NOW.minus(Duration.ofHours(5)));
        log(2, 1, 400, NOW.minus(Duration.ofHours(4)));
        log(3, 1, 400, NOW.minus(Duration.ofHours(3)));
        log(4, 1, 400, NOW.minus(Duration.ofHours(2)));
        assertThat(retention(Duration.ofDays(30), 1000, Set.of()).sweep()).isEqualTo(2);
        assertThat(logs.resolve("1")).doesNotExist();
        assertThat(logs.resolve("2")).doesNotExist();
        assertThat(logs.resolve("3")).exists();
        assertThat(logs.resolve("4")).exists();
        assertThat(retention(Duration.ofDays(30), 1000, Set.of()).sweep()).isZero();
    }
}
