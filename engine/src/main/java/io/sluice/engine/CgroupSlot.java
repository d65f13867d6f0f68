package io.sluice.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cgroup v2 child of the engine's own cgroup for one connector process, used when the system
 * allows it: the unified hierarchy is mounted, the engine's cgroup is writable and delegates the
 * {@code memory} (and for a CPU limit {@code cpu}) controller to its children. Then the kernel
 * enforces {@code memory.max} (a hard stop between two of {@link ProcessLimiter}'s samples) and
 * {@code cpu.max} (instead of STOP/CONT). Docker containers and most services do not delegate, so
 * the usual case is none, and {@link ProcessLimiter}'s /proc watch alone holds the limits.
 */
final class CgroupSlot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CgroupSlot.class);
    private static final long CPU_PERIOD_MICROS = 100_000;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;

    private CgroupSlot(Path dir) {
        this.dir = dir;
    }

    /** A slot under the running process's cgroup of the real hierarchy, if it can be made. */
    static Optional<CgroupSlot> create(String name, long pid, ResourceRequirements limits) {
        try {
            return create(Path.of("/sys/fs/cgroup"), Files.readAllLines(Path.of("/proc/self/cgroup")), name, pid,
                    limits);
        } catch (IOException | RuntimeException e) {
            LOG.debug("no cgroup for {}: {}", name, e.toString());
            return Optional.empty();
        }
    }

    /**
     * A slot under {@code root} (the cgroup2 mount) for the cgroup that {@code selfCgroup} (the lines
     * of {@code /proc/self/cgroup}) names; empty when cgroup v2 is not there or not delegated.
     */
    static Optional<CgroupSlot> create(Path root, List<String> selfCgroup, String name, long pid,
            ResourceRequirements limits) throws IOException {
        if (!limits.limits() || !Files.exists(root.resolve("cgroup.controllers"))) {
            return Optional.empty(); // no unified hierarchy (cgroup v1 or hybrid)
        }
        Optional<String> own = selfCgroup.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3))
                .findFirst();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Path parent = root.resolve(own.get().replaceFirst("^/+", ""));
        Path control = parent.resolve("cgroup.subtree_control");
        if (!Files.isWritable(parent) || !Files.isReadable(control)) {
            return Optional.empty();
        }
        Set<String> delegated = Set.of(Files.readString(control).strip().split("\\s+"));
        boolean memory = limits.memoryLimit().isPresent() && delegated.contains("memory");
        boolean cpu = limits.cpuLimit().isPresent() && delegated.contains("cpu");
        if ((limits.memoryLimit().isPresent() && !memory) || (limits.cpuLimit().isPresent() && !cpu)) {
            return Optional.empty();
        }
        Path dir = parent.resolve("sluice-" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + pid + "-"
                + SEQUENCE.incrementAndGet());
        Files.createDirectory(dir);
        CgroupSlot slot = new CgroupSlot(dir);
        try {
            if (memory) {
                Files.writeString(dir.resolve("memory.max"), Long.toString(limits.memoryLimit().getAsLong()));
                if (Files.exists(dir.resolve("memory.swap.max"))) {
                    Files.writeString(dir.resolve("memory.swap.max"), "0");
                }
            }
            if (cpu) {
                long quota = Math.max(1000, Math.round(limits.cpuLimit().getAsDouble() * CPU_PERIOD_MICROS));
                Files.writeString(dir.resolve("cpu.max"), quota + " " + CPU_PERIOD_MICROS);
            }
            Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
        } catch (IOException | RuntimeException e) {
            slot.close();
            throw e;
        }
        LOG.debug("{} runs in cgroup {}", name, dir);
        return Optional.of(slot);
    }

    /** Whether the kernel enforces the CPU limit (so no STOP/CONT is needed). */
    boolean limitsCpu() {
        return Files.exists(dir.resolve("cpu.max"));
    }

    /** Whether the kernel's OOM killer ended a process of this slot. */
    boolean oomKilled() {
        try {
            for (String line : Files.readAllLines(dir.resolve("memory.events"))) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[0].equals("oom_kill")) {
                    return Long.parseLong(parts[1].strip()) > 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.trace("no memory.events in {}: {}", dir, e.toString());
        }
        return false;
    }

    /** The highest memory use the kernel saw ({@code memory.peak}, Linux 5.19+), if it tells. */
    Optional<Long> peakBytes() {
        try {
            return Optional.of(Long.parseLong(Files.readString(dir.resolve("memory.peak")).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes the cgroup; the kernel refuses while a process still lives in it (then it is left, and logged). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("cannot remove cgroup {}: {}", dir, e.getMessage().toLowerCase(Locale.ROOT));
        }
    }

    Path dir() {
        return dir;
    }
}
