package io.sluice.platform;

import java.time.Duration;
import java.util.Map;

/**
 * How jobs run: the worker pool, retries and the scheduler's poll.
 *
 * @param workers how many syncs this process runs at once ({@code SLUICE_WORKERS}, default 2)
 * @param maxAttempts attempts of a sync whose failure is TRANSIENT or SYSTEM, the first included
 *     ({@code SLUICE_SYNC_MAX_ATTEMPTS}, default 3); CONFIG failures are never retried
 * @param retryBackoff the wait before the second attempt, doubled before each later one
 *     ({@code SLUICE_RETRY_BACKOFF_SECONDS}, default 30)
 * @param schedulerPoll how often the scheduler looks for due runs ({@code SLUICE_SCHEDULER_POLL_SECONDS},
 *     default 10)
 * @param failureThreshold failed sync jobs in a row after which a connection is disabled
 *     ({@code SLUICE_FAILURE_THRESHOLD}, default 3; 0 never disables)
 * @param logRetention job logs older than this are removed ({@code SLUICE_LOG_RETENTION_DAYS}, default 30)
 * @param logMaxBytes the oldest job logs are removed while all of them take more
 *     ({@code SLUICE_LOG_MAX_MB}, default 2048)
 */
public record JobSettings(int workers, int maxAttempts, Duration retryBackoff, Duration schedulerPoll,
        int failureThreshold, Duration logRetention, long logMaxBytes) {
    public static final JobSettings DEFAULTS = new JobSettings(2, 3, Duration.ofSeconds(30), Duration.ofSeconds(10),
            3, Duration.ofDays(30), 2048L << 20);

    /** These settings with other retry limits. */
    public JobSettings withRetries(int attempts, Duration backoff) {
        return new JobSettings(workers, attempts, backoff, schedulerPoll, failureThreshold, logRetention, logMaxBytes);
    }

    /** These settings with another failure threshold. */
    public JobSettings withFailureThreshold(int threshold) {
        return new JobSettings(workers, maxAttempts, retryBackoff, schedulerPoll, threshold, logRetention, logMaxBytes);
    }

    public JobSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("SLUICE_WORKERS must be >= 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("SLUICE_SYNC_MAX_ATTEMPTS must be >= 1");
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("SLUICE_RETRY_BACKOFF_SECONDS must be >= 0");
        }
        if (logRetention.isNegative() || logMaxBytes < 0) {
            throw new IllegalArgumentException("SLUICE_LOG_RETENTION_DAYS and SLUICE_LOG_MAX_MB must be >= 0");
        }
        if (failureThreshold < 0) {
            throw new IllegalArgumentException("SLUICE_FAILURE_THRESHOLD must be >= 0");
        }
        if (schedulerPoll.isNegative() || schedulerPoll.isZero()) {
            throw new IllegalArgumentException("SLUICE_SCHEDULER_POLL_SECONDS must be > 0");
        }
    }

    /** The settings from the environment, each falling back to its default. */
    public static JobSettings fromEnvironment(Map<String, String> env) {
        return new JobSettings(
                number(env, "SLUICE_WORKERS", DEFAULTS.workers()),
                number(env, "SLUICE_SYNC_MAX_ATTEMPTS", DEFAULTS.maxAttempts()),
                Duration.ofSeconds(number(env, "SLUICE_RETRY_BACKOFF_SECONDS", 30)),
                Duration.ofSeconds(number(env, "SLUICE_SCHEDULER_POLL_SECONDS", 10)),
                number(env, "SLUICE_FAILURE_THRESHOLD", DEFAULTS.failureThreshold()),
                Duration.ofDays(number(env, "SLUICE_LOG_RETENTION_DAYS", 30)),
                (long) number(env, "SLUICE_LOG_MAX_MB", 2048) << 20);
    }

    /** The whole number in {@code env} under {@code name}, or the fallback when it is absent or blank. */
    static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"");
        }
    }
}
