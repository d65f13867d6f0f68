package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's own threads, which {@link java.lang.management.ThreadMXBean} does not list:
 * garbage collection, the JIT compilers and the VM thread, read from Linux's
 * {@code /proc/self/task/<tid>/stat} (empty elsewhere). Those threads live as long as the JVM, so
 * two snapshots' difference is what they used in between.
 */
final class JvmThreadCpu {
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> ticks;

    private JvmThreadCpu(Map<String, Long> ticks) {
        this.ticks = ticks;
    }

    static JvmThreadCpu snapshot() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> read(task, ticks));
        } catch (IOException | RuntimeException e) {
            // not Linux: no split
        }
        return new JvmThreadCpu(ticks);
    }

    /** CPU-seconds by group (GC, JIT, VM) used since {@code earlier}. */
    Map<String, Double> since(JvmThreadCpu earlier) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        ticks.forEach((group, now) -> seconds.put(group,
                (now - earlier.ticks.getOrDefault(group, 0L)) / TICKS_PER_SECOND));
        return seconds;
    }

    private static void read(Path task, Map<String, Long> ticks) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int close = stat.lastIndexOf(')');
            String group = group(stat.substring(stat.indexOf('(') + 1, close));
            if (group == null) {
                return;
            }
            // after "(comm) ": state is field 3; utime and stime are fields 14 and 15
            String[] fields = stat.substring(close + 2).split(" ");
            ticks.merge(group, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (IOException | RuntimeException e) {
            // the thread ended while being read
        }
    }

    private static String group(String comm) {
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Periodic")) {
            return "GC";
        }
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (comm.equals("VM Thread")) {
            return "VM thread";
        }
        return null;
    }
}
