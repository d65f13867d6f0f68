package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionSummaryTest {

    @Test
    void theLastSyncShowsAsAStatusIndicator() {
        assertThat(new ConnectionSummary("c", "active", "succeeded").lastSyncLabel()).isEqualTo("🟢 succeeded");
        assertThat(new ConnectionSummary("c", "active", "failed").lastSyncLabel()).isEqualTo("🔴 failed");
        assertThat(new ConnectionSummary("c", "active", "running").lastSyncLabel()).isEqualTo("🟡 running");
        assertThat(new ConnectionSummary("c", "active", "cancelled").lastSyncLabel()).isEqualTo("⚪ cancelled");
        assertThat(new ConnectionSummary("c", "inactive", "none").lastSyncLabel()).isEqualTo("never synced");
    }
}
