package io.sluice.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.engine.SyncResult;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sync metrics in Prometheus' text format, each labelled by {@code connection} (the id):
 * {@code sluice_records_synced_total}, {@code sluice_bytes_synced_total} (committed by the
 * destination), {@code sluice_sync_duration_seconds} (per attempt, with {@code status}),
 * {@code sluice_sync_failures_total} (with {@code failure_type}) and {@code sluice_jobs_running};
 * plus the process's JVM memory, GC, thread and uptime metrics, so that a scrape before the first
 * sync already shows a live server.
 */
public final class SyncMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<UUID, AtomicInteger> running = new ConcurrentHashMap<>();

    public SyncMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** An attempt of the connection's sync has started. */
    public void attemptStarted(UUID connectionId) {
        gauge(connectionId).incrementAndGet();
    }

    /** An attempt has ended with {@code result}. */
    public void attemptEnded(UUID connectionId, SyncResult result) {
        gauge(connectionId).decrementAndGet();
        String connection = connectionId.toString();
        long records = result.streams().values().stream().mapToLong(s -> s.recordsCommitted()).sum();
        long bytes = result.streams().values().stream().mapToLong(s -> s.bytesCommitted()).sum();
        Counter.builder("sluice.records.synced").description("Records committed by the destination")
                .tag("connection", connection).register(registry).increment(records);
        Counter.builder("sluice.bytes.synced").description("Bytes committed by the destination")
                .tag("connection", connection).register(registry).increment(bytes);
        Timer.builder("sluice.sync.duration").description("Duration of sync attempts")
                .tag("connection", connection).tag("status", result.status().name().toLowerCase(Locale.ROOT))
                .register(registry).record(result.duration());
        if (result.status() == SyncResult.Status.FAILED) {
            String type = result.failure().map(f -> f.kind().name().toLowerCase(Locale.ROOT)).orElse("system");
            Counter.builder("sluice.sync.failures").description("Failed sync attempts")
                    .tag("connection", connection).tag("failure_type", type).register(registry).increment();
        }
    }

    private AtomicInteger gauge(UUID connectionId) {
        return running.computeIfAbsent(connectionId, id -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("sluice.jobs.running", value, AtomicInteger::get).description("Sync attempts running")
                    .tag("connection", id.toString()).register(registry);
            return value;
        });
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
