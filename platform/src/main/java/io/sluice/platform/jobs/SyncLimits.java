package io.sluice.platform.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.ResourceRequirements;
import io.sluice.engine.SyncRequest;

/**
 * What one sync of a connection may use: limits for its external connector processes and the
 * engine's memory budget, each already resolved (connection, else workspace, else environment).
 */
public record SyncLimits(ResourceRequirements connectorResources, long memoryBudgetBytes) {
    public static final SyncLimits DEFAULT =
            new SyncLimits(ResourceRequirements.NONE, SyncRequest.DEFAULT_MEMORY_BUDGET_BYTES);

    public SyncLimits {
        requireNonNull(connectorResources, "connectorResources");
    }
}
