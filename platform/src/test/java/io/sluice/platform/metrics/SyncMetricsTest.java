package io.sluice.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncMetricsTest {

    @Test
    void aScrapeBeforeAnySyncShowsALiveServer() {
        String text = new SyncMetrics().scrape();
        assertThat(text).contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds").doesNotContain("sluice_jobs_running");
    }
}
