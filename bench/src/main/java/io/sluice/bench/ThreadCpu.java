package io.sluice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM over a measured stretch (all threads, GC and JIT included), and how it
 * splits over groups of threads named by their prefix: the in-process S3 server's threads (S3Proxy
 * names them {@code S3Proxy-Jetty-n}) are not Sluice's. A sampler looks at every thread's CPU time
 * ten times a second, so a thread that ends during the stretch is counted up to its last sample.
 */
final class ThreadCpu implements AutoCloseable {
    /** Thread name prefixes and what to call them; the rest of the process is "other". */
    static final Map<String, String> GROUPS = groups();
    static final String SERVER = "in-process S3 server";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processStart = processCpuNanos();
    private final JvmThreadCpu jvmStart = JvmThreadCpu.snapshot();
    private final Map<Long, Long> start = new ConcurrentHashMap<>();
    private final Map<Long, Long> last = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu() {
        sample(start);
        sampler = new Thread(() -> {
            while (running) {
                sample(last);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** What was used since {@link #start()}: the whole process, and per thread group. */
    Used used() {
        sample(last);
        long process = processCpuNanos() - processStart;
        Map<String, Double> groups = new LinkedHashMap<>();
        GROUPS.values().forEach(g -> groups.put(g, 0.0));
        for (Map.Entry<Long, Long> thread : last.entrySet()) {
            String group = group(names.get(thread.getKey()));
            long nanos = thread.getValue() - start.getOrDefault(thread.getKey(), 0L);
            if (group != null) {
                groups.merge(group, nanos / 1e9, Double::sum);
            } else if (nanos > 300_000_000L) {
                // a thread outside the groups that used a noticeable share: named, so "other" says what it is
                groups.merge("'" + names.get(thread.getKey()).replaceAll("[0-9]+$", "") + "'", nanos / 1e9,
                        Double::sum);
            }
        }
        JvmThreadCpu.snapshot().since(jvmStart).forEach(groups::put);
        return new Used(process / 1e9, groups);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /**
     * Every live thread's CPU time; a thread seen for the first time is named and, when its stack
     * runs S3Proxy code under a generic name (the thread that assembles a completed multipart
     * upload is a plain {@code Thread-n}), counted as the server's.
     */
    private void sample(Map<Long, Long> into) {
        for (long id : THREADS.getAllThreadIds()) {
            if (!names.containsKey(id)) {
                ThreadInfo info = THREADS.getThreadInfo(id, 64);
                if (info == null) {
                    continue;
                }
                boolean server = Arrays.stream(info.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("org.gaul.s3proxy."));
                names.put(id, server && group(info.getThreadName()) == null ? "S3Proxy " + info.getThreadName()
                        : info.getThreadName());
            }
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                into.put(id, cpu);
            }
        }
    }

    private static String group(String threadName) {
        if (threadName == null) {
            return null;
        }
        for (Map.Entry<String, String> group : GROUPS.entrySet()) {
            if (threadName.startsWith(group.getKey())) {
                return group.getValue();
            }
        }
        return null;
    }

    private static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("S3Proxy", SERVER);
        groups.put("sluice-source", "source");
        groups.put("sluice-destination", "destination");
        groups.put("parquet-row-groups", "row-group writers");
        groups.put("s3-upload", "S3 uploads");
        return groups;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU-seconds of the whole process and of each thread group. */
    record Used(double processSeconds, Map<String, Double> groups) {
        double serverSeconds() {
            return groups.getOrDefault(SERVER, 0.0);
        }

        double withoutServer() {
            return processSeconds - serverSeconds();
        }

        /** E.g. "source 2.1, destination 11.0, ..., GC 1.0, JIT 2.0, other (engine, ...) 3.2". */
        String breakdown() {
            List<String> parts = groups.entrySet().stream()
                    .map(g -> String.format(Locale.ROOT, "%s %.1f", g.getKey(), g.getValue()))
                    .collect(Collectors.toList());
            double named = groups.values().stream().mapToDouble(Double::doubleValue).sum();
            parts.add(String.format(Locale.ROOT, "other (engine, ...) %.1f", processSeconds - named));
            return String.join(", ", parts);
        }
    }
}
