package io.sluice.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.SyncRequest;
import io.sluice.platform.jobs.SyncLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSettingsTest {
    @Test
    void airbytesJobContainerVariablesAndTheBudgetAreTheInstanceDefaults() {
        SyncLimits limits = ResourceSettings.environmentDefaults(Map.of(
                "JOB_MAIN_CONTAINER_MEMORY_LIMIT", "2Gi", "JOB_MAIN_CONTAINER_MEMORY_REQUEST", "1Gi",
                "JOB_MAIN_CONTAINER_CPU_LIMIT", "1.5", "SLUICE_ENGINE_MEMORY_BUDGET_MB", "512"));

        assertThat(limits.connectorResources().memoryLimit()).hasValue(2L << 30);
        assertThat(limits.connectorResources().memoryRequest()).hasValue(1L << 30);
        assertThat(limits.connectorResources().cpuLimit()).hasValue(1.5);
        assertThat(limits.connectorResources().cpuRequest()).isEmpty();
        assertThat(limits.memoryBudgetBytes()).isEqualTo(512L << 20);
    }

    @Test
    void withoutVariablesThereIsNoLimitAndTheDefaultBudget() {
        SyncLimits limits = ResourceSettings.environmentDefaults(Map.of());

        assertThat(limits.connectorResources().limits()).isFalse();
        assertThat(limits.memoryBudgetBytes()).isEqualTo(SyncRequest.DEFAULT_MEMORY_BUDGET_BYTES);
    }

    @Test
    void aBadVariableIsNamed() {
        assertThatThrownBy(() -> ResourceSettings.environmentDefaults(Map.of("JOB_MAIN_CONTAINER_MEMORY_LIMIT", "2GB")))
                .hasMessageStartingWith("JOB_MAIN_CONTAINER_MEMORY_LIMIT must be a memory size");
        assertThatThrownBy(() -> ResourceSettings.environmentDefaults(Map.of("SLUICE_ENGINE_MEMORY_BUDGET_MB", "4")))
                .hasMessage("SLUICE_ENGINE_MEMORY_BUDGET_MB must be a whole number >= 16, not \"4\"");
    }
}
