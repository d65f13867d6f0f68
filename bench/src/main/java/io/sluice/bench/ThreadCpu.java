package io.sluice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM over a measured stretch (all threads, GC and JIT included), and the part of
 * it spent on the in-process S3 server's threads (S3Proxy names its Jetty threads
 * {@code S3Proxy-Jetty-n}). Server threads that end during the stretch are not counted, so the
 * server's share is, if anything, under-stated and Sluice's over-stated.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processStart;
    private final Map<Long, Long> serverStart;

    private ThreadCpu(long processStart, Map<Long, Long> serverStart) {
        this.processStart = processStart;
        this.serverStart = serverStart;
    }

    static ThreadCpu start() {
        return new ThreadCpu(processCpuNanos(), serverThreadNanos());
    }

    /** What was used since {@link #start()}. */
    Used used() {
        long process = processCpuNanos() - processStart;
        long server = 0;
        for (Map.Entry<Long, Long> thread : serverThreadNanos().entrySet()) {
            server += thread.getValue() - serverStart.getOrDefault(thread.getKey(), 0L);
        }
        return new Used(process / 1e9, server / 1e9);
    }

    private static Map<Long, Long> serverThreadNanos() {
        Map<Long, Long> nanos = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("S3Proxy")) {
                long cpu = THREADS.getThreadCpuTime(thread.threadId());
                if (cpu >= 0) {
                    nanos.put(thread.threadId(), cpu);
                }
            }
        }
        return nanos;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU-seconds of the whole process and of the S3 server's threads. */
    record Used(double processSeconds, double serverSeconds) {
        double withoutServer() {
            return processSeconds - serverSeconds;
        }
    }
}
