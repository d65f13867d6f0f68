package io.sluice.platform.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the job logs ({@code <logs>/<jobId>/attempt-<n>.log}) within an age and a total size: a
 * job's directory goes when its newest file is older than {@code maxAge}, then the oldest ones go
 * until the rest fit in {@code maxBytes}. Logs of jobs still active are never removed.
 */
public final class LogRetention {
    private static final Logger LOG = LoggerFactory.getLogger(LogRetention.class);

    private final Path logDir;
    private final Duration maxAge;
    private final long maxBytes;
    private final Clock clock;
    private final Supplier<Set<Long>> activeJobs;

    public LogRetention(Path logDir, Duration maxAge, long maxBytes, Clock clock, Supplier<Set<Long>> activeJobs) {
        this.logDir = logDir;
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.activeJobs = activeJobs;
    }

    /** A job's log directory with its newest modification time and total size. */
    private record JobLogs(Path dir, long jobId, Instant modified, long bytes) {}

    /** Removes what is beyond the limits; returns how many job directories went. */
    public int sweep() {
        if (!Files.isDirectory(logDir)) {
            return 0;
        }
        Set<Long> active = activeJobs.get();
        List<JobLogs> all = list().stream().sorted(Comparator.comparing(JobLogs::modified)).toList();
        long total = all.stream().mapToLong(JobLogs::bytes).sum();
        Instant oldest = clock.instant().minus(maxAge);
        int removed = 0;
        for (JobLogs logs : all) {
            if (active.contains(logs.jobId())) {
                continue;
            }
            if (logs.modified().isBefore(oldest) || total > maxBytes) {
                delete(logs.dir());
                total -= logs.bytes();
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("log retention removed the logs of {} jobs; {} bytes of logs remain", removed, total);
        }
        return removed;
    }

    private List<JobLogs> list() {
        List<JobLogs> result = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(logDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                long jobId;
                try {
                    jobId = Long.parseLong(dir.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                Instant modified = Instant.EPOCH;
                long bytes = 0;
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Instant time = Files.getLastModifiedTime(file).toInstant();
                        modified = time.isAfter(modified) ? time : modified;
                        bytes += Files.size(file);
                    }
                }
                result.add(new JobLogs(dir, jobId, modified, bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the job logs in " + logDir, e);
        }
        return result;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the job logs in {}: {}", dir, e.getMessage());
        }
    }
}
