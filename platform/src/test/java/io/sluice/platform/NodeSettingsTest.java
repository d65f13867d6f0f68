package io.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {
    @Test
    void rolesSayWhatTheNodeRuns() {
        assertThat(NodeSettings.Role.of("server").serves()).isTrue();
        assertThat(NodeSettings.Role.of("server").works()).isFalse();
        assertThat(NodeSettings.Role.of(" Worker ").works()).isTrue();
        assertThat(NodeSettings.Role.of("worker").serves()).isFalse();
        assertThat(NodeSettings.Role.of("all").serves()).isTrue();
        assertThat(NodeSettings.Role.of("all").works()).isTrue();
        assertThatThrownBy(() -> NodeSettings.Role.of("scheduler")).hasMessageContaining("--role")
                .hasMessageContaining("\"scheduler\"");
    }

    @Test
    void defaultsAndEnvironment() {
        NodeSettings defaults = NodeSettings.fromEnvironment(Map.of());
        assertThat(defaults.role()).isEqualTo(NodeSettings.Role.ALL);
        assertThat(defaults.name()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(defaults.takeoverAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.healthPort()).isEqualTo(-1);

        NodeSettings set = NodeSettings.fromEnvironment(Map.of("SLUICE_NODE_NAME", "worker-7",
                "SLUICE_HEARTBEAT_SECONDS", "2", "SLUICE_MISSED_HEARTBEATS", "4", "SLUICE_JOB_POLL_MILLIS", "250",
                "SLUICE_WORKER_HEALTH_PORT", "0"));
        assertThat(set.name()).isEqualTo("worker-7");
        assertThat(set.takeoverAfter()).isEqualTo(Duration.ofSeconds(8));
        assertThat(set.jobPoll()).isEqualTo(Duration.ofMillis(250));
        assertThat(set.healthPort()).isZero();
    }

    @Test
    void badValuesNameTheirSetting() {
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("SLUICE_HEARTBEAT_SECONDS", "0")))
                .hasMessageContaining("SLUICE_HEARTBEAT_SECONDS");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("SLUICE_MISSED_HEARTBEATS", "x")))
                .hasMessageContaining("SLUICE_MISSED_HEARTBEATS");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("SLUICE_MISSED_HEARTBEATS", "3")))
                .hasMessageContaining("SLUICE_MISSED_HEARTBEATS must be >= 4");
    }
}
