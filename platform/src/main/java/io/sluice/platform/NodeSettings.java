package io.sluice.platform;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What this process does when several share one metadata store, and how they watch each other.
 *
 * @param role {@code server} (Config API, UI port, schedules), {@code worker} (runs jobs) or {@code all}
 * @param name this node's name in attempts and in db-scheduler's {@code picked_by}
 *     ({@code SLUICE_NODE_NAME}, default host name and process id)
 * @param heartbeat how often a worker tells the store that its jobs are alive
 *     ({@code SLUICE_HEARTBEAT_SECONDS}, default 10)
 * @param missedHeartbeats heartbeats missed after which another worker takes the job over
 *     ({@code SLUICE_MISSED_HEARTBEATS}, default 6, at least 4 as db-scheduler asks)
 * @param jobPoll how often a worker looks for jobs to take ({@code SLUICE_JOB_POLL_MILLIS}, default 1000)
 * @param healthPort a worker's {@code GET /health} and {@code GET /metrics} port; -1 for none
 *     ({@code SLUICE_WORKER_HEALTH_PORT}, 0 picks a free one)
 */
public record NodeSettings(Role role, String name, Duration heartbeat, int missedHeartbeats, Duration jobPoll,
        int healthPort) {

    /** Which parts of Sluice this process runs. */
    public enum Role {
        SERVER, WORKER, ALL;

        public boolean serves() {
            return this != WORKER;
        }

        public boolean works() {
            return this != SERVER;
        }

        /** The role named on the command line ({@code server}, {@code worker}, {@code all}). */
        public static Role of(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--role must be server, worker or all, not \"" + name + "\"");
            }
        }
    }

    public NodeSettings {
        requireNonNull(role, "role");
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("SLUICE_NODE_NAME must not be blank");
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("SLUICE_HEARTBEAT_SECONDS must be > 0");
        }
        if (missedHeartbeats < 4) {
            throw new IllegalArgumentException("SLUICE_MISSED_HEARTBEATS must be >= 4");
        }
        if (jobPoll.isNegative() || jobPoll.isZero()) {
            throw new IllegalArgumentException("SLUICE_JOB_POLL_MILLIS must be > 0");
        }
        if (healthPort < -1 || healthPort > 65535) {
            throw new IllegalArgumentException("the worker health port must be between 0 and 65535");
        }
    }

    /** One process doing everything, with the defaults. */
    public static NodeSettings all() {
        return fromEnvironment(Map.of());
    }

    /** The settings from the environment; the role is {@code all} unless changed with {@link #withRole}. */
    public static NodeSettings fromEnvironment(Map<String, String> env) {
        String name = env.getOrDefault("SLUICE_NODE_NAME", "");
        return new NodeSettings(Role.ALL, name.isBlank() ? defaultName() : name.strip(),
                Duration.ofSeconds(JobSettings.number(env, "SLUICE_HEARTBEAT_SECONDS", 10)),
                JobSettings.number(env, "SLUICE_MISSED_HEARTBEATS", 6),
                Duration.ofMillis(JobSettings.number(env, "SLUICE_JOB_POLL_MILLIS", 1000)),
                JobSettings.number(env, "SLUICE_WORKER_HEALTH_PORT", -1));
    }

    public NodeSettings withRole(Role other) {
        return new NodeSettings(other, name, heartbeat, missedHeartbeats, jobPoll, healthPort);
    }

    public NodeSettings withHealthPort(int port) {
        return new NodeSettings(role, name, heartbeat, missedHeartbeats, jobPoll, port);
    }

    /** How long a job's heartbeat may be silent before another worker takes it over. */
    public Duration takeoverAfter() {
        return heartbeat.multipliedBy(missedHeartbeats);
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
