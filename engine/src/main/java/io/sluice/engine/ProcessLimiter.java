package io.sluice.engine;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds an external connector's process tree (the process and every descendant) to its
 * {@link ResourceRequirements} limits without Docker or cgroups, from what {@code /proc} shows.
 * Memory: the tree's resident memory ({@code VmRSS}) is summed every 200 ms; above
 * {@code memory_limit} the tree is killed and {@link #memoryFailure()} says why. CPU: the tree's
 * CPU time ({@code utime + stime}, reaped children included) is sampled every 100 ms against a
 * budget that grows by {@code cpu_limit} cores per second; when it is overdrawn the tree is stopped
 * (SIGSTOP) until the debt is paid, then continued (SIGCONT). Where cgroup v2 is delegated to the
 * engine, the process also runs in a {@link CgroupSlot}: the kernel then enforces the memory limit
 * between samples and the CPU limit by itself. Linux only: elsewhere it warns and watches nothing.
 */
final class ProcessLimiter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessLimiter.class);
    private static final long MEMORY_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long CPU_SAMPLE_MILLIS = 100;
    /** Linux reports CPU time in USER_HZ ticks, 100 per second on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100;
    /** How much unused CPU time may be saved up for a burst, in seconds. */
    private static final double CPU_BURST_SECONDS = 0.1;
    private static final double MAX_PAUSE_SECONDS = 1;
    private static final Path PROC = Path.of("/proc");

    private final String role;
    private final String name;
    private final ProcessHandle root;
    private final ResourceRequirements limits;
    private final ProcessSignals signals;
    private final Optional<CgroupSlot> cgroup;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long exceededBytes;
    private volatile long peakBytes;
    private volatile long pausedNanos;
    private final long startNanos = System.nanoTime();

    private ProcessLimiter(String role, String name, ProcessHandle root, ResourceRequirements limits,
            ProcessSignals signals, Optional<CgroupSlot> cgroup) {
        this.cgroup = cgroup;
        this.role = role;
        this.name = name;
        this.root = root;
        this.limits = limits;
        this.signals = signals;
        this.thread = ContextThreads.create("sluice-" + name + "-limits", this::watch);
    }

    /** Starts watching {@code process}; empty when no limit is set or {@code /proc} is missing. */
    static Optional<ProcessLimiter> start(String role, String name, Process process, ResourceRequirements limits) {
        if (!limits.limits()) {
            return Optional.empty();
        }
        if (!Files.isReadable(PROC.resolve("self").resolve("stat"))) {
            LOG.warn("{} {}: no /proc on this system, so its memory_limit and cpu_limit are not enforced", role, name);
            return Optional.empty();
        }
        Optional<CgroupSlot> cgroup = CgroupSlot.create(name, process.pid(), limits);
        ProcessSignals signals = null;
        if (limits.cpuLimit().isPresent() && !cgroup.map(CgroupSlot::limitsCpu).orElse(false)) {
            try {
                signals = ProcessSignals.start();
            } catch (IOException e) {
                LOG.warn("{} {}: cannot start sh to throttle it ({}), so its cpu_limit is not enforced",
                        role, name, e.getMessage());
            }
        }
        ProcessLimiter limiter = new ProcessLimiter(role, name, process.toHandle(), limits, signals, cgroup);
        limiter.thread.start();
        return Optional.of(limiter);
    }

    /**
     * The CONFIG failure when the tree went over its memory limit and was killed. CONFIG, not
     * SYSTEM: another attempt with the same limit reads the same data and is killed again; what
     * helps is a larger {@code memory_limit}, a setting the user changes.
     */
    Optional<ConnectorException> memoryFailure() {
        long used = exceededBytes;
        if (used == 0 && cgroup.map(CgroupSlot::oomKilled).orElse(false)) {
            used = cgroup.get().peakBytes().orElse(limits.memoryLimit().orElse(peakBytes));
        }
        if (used == 0) {
            return Optional.empty();
        }
        return Optional.of(new ConnectorException(FailureKind.CONFIG, "the " + role + " connector " + name + " used "
                + ResourceQuantity.describeBytes(used) + ", over its memory limit of "
                + ResourceQuantity.describeBytes(limits.memoryLimit().getAsLong())
                + ", and was stopped (what Docker reports as OOMKilled); raise memory_limit in the connection's"
                + " resource requirements"));
    }

    /** The highest resident memory of the tree seen so far, in bytes. */
    long peakBytes() {
        return peakBytes;
    }

    private void watch() {
        boolean throttle = signals != null;
        long lastMemoryCheck = 0;
        long lastTicks = -1;
        long lastNanos = 0;
        double budget = 0;
        try {
            while (!closed && root.isAlive()) {
                List<ProcessHandle> tree = tree();
                long now = System.nanoTime();
                if (limits.memoryLimit().isPresent() && now - lastMemoryCheck >= MEMORY_SAMPLE_NANOS) {
                    lastMemoryCheck = now;
                    if (overMemory(tree)) {
                        return;
                    }
                }
                if (throttle) {
                    long ticks = tree.stream().mapToLong(p -> cpuTicks(p.pid())).sum();
                    if (lastTicks >= 0) {
                        double used = Math.max(0, ticks - lastTicks) / TICKS_PER_SECOND;
                        double cores = limits.cpuLimit().getAsDouble();
                        budget = Math.min(CPU_BURST_SECONDS, budget + cores * (now - lastNanos) / 1e9 - used);
                        if (budget < 0) {
                            pause(tree, Math.min(MAX_PAUSE_SECONDS, -budget / cores));
                        }
                    }
                    lastTicks = ticks;
                    lastNanos = now;
                }
                Thread.sleep(throttle ? CPU_SAMPLE_MILLIS : TimeUnit.NANOSECONDS.toMillis(MEMORY_SAMPLE_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean overMemory(List<ProcessHandle> tree) {
        long rss = tree.stream().mapToLong(p -> residentBytes(p.pid())).sum();
        if (rss > peakBytes) {
            peakBytes = rss;
        }
        if (rss <= limits.memoryLimit().getAsLong()) {
            return false;
        }
        exceededBytes = rss;
        LOG.warn("{} {} holds {} of resident memory, over its memory_limit of {}: killing it", role, name,
                ResourceQuantity.describeBytes(rss), ResourceQuantity.describeBytes(limits.memoryLimit().getAsLong()));
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroyForcibly();
        }
        return true;
    }

    private void pause(List<ProcessHandle> tree, double seconds) throws InterruptedException {
        List<Long> pids = tree.stream().map(ProcessHandle::pid).toList();
        long started = System.nanoTime();
        signals.send("STOP", pids);
        try {
            Thread.sleep((long) (seconds * 1000));
        } finally {
            signals.send("CONT", pids);
            pausedNanos += System.nanoTime() - started;
        }
    }

    /** The root first, then its descendants. */
    private List<ProcessHandle> tree() {
        return Stream.concat(Stream.of(root), root.descendants()).toList();
    }

    /** VmRSS of {@code /proc/<pid>/status} in bytes; 0 for a process that is gone. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).strip();
                    return Long.parseLong(kb.substring(0, kb.indexOf(' '))) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.trace("no memory figure for pid {}: {}", pid, e.toString());
        }
        return 0;
    }

    /** utime + stime + cutime + cstime of {@code /proc/<pid>/stat}, in ticks; 0 for a process that is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14 to 17
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            LOG.trace("no CPU figure for pid {}: {}", pid, e.toString());
            return 0;
        }
    }

    /** Removes the process's cgroup, if it had one; call once the process has ended. */
    void removeCgroup() {
        cgroup.ifPresent(CgroupSlot::close);
    }

    /** Stops watching; a tree stopped for throttling is continued first, so it can be ended. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (signals != null) {
            signals.close();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (limits.memoryLimit().isPresent()) {
            LOG.info("{} {}: peak resident memory {} of its memory_limit {}", role, name,
                    ResourceQuantity.describeBytes(peakBytes),
                    ResourceQuantity.describeBytes(limits.memoryLimit().getAsLong()));
        }
        if (signals != null) {
            LOG.info("{} {}: held back {} s of {} s by its cpu_limit of {} cores", role, name,
                    String.format(Locale.ROOT, "%.1f", pausedNanos / 1e9), String.format(Locale.ROOT, "%.1f", seconds),
                    limits.cpuLimit().getAsDouble());
        }
    }
}
