package io.sluice.platform.store;

/**
 * A row of {@code workspace_resources}; either value may be null (not set).
 *
 * @param defaultResourceRequirements Airbyte's {@code resourceRequirements} shape, as JSON text
 * @param engineMemoryBudget a memory quantity such as {@code 256Mi}
 */
public record WorkspaceResourcesRow(String defaultResourceRequirements, String engineMemoryBudget) {
    public static final WorkspaceResourcesRow NONE = new WorkspaceResourcesRow(null, null);
}
