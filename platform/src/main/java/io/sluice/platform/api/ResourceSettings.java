package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.engine.ResourceQuantity;
import io.sluice.engine.ResourceRequirements;
import io.sluice.engine.SyncRequest;
import io.sluice.platform.jobs.SyncLimits;
import io.sluice.platform.store.ConnectionRow;
import io.sluice.platform.store.ResourceDao;
import io.sluice.platform.store.WorkspaceResourcesRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Resource limits in the API and their resolution for a sync. A connection's
 * {@code resourceRequirements} ({@code cpu_request, cpu_limit, memory_request, memory_limit}, Kubernetes
 * quantities) override, field by field, its workspace's {@code defaultResourceRequirements}, which
 * override Airbyte's {@code JOB_MAIN_CONTAINER_*} environment variables. The engine's memory budget
 * ({@code engineMemoryBudget}: {@code "512Mi"}, or a number of MiB) comes from the connection, else
 * the workspace, else {@code SLUICE_ENGINE_MEMORY_BUDGET_MB}, else 256 MiB.
 */
public final class ResourceSettings {
    static final String REQUIREMENTS = "resourceRequirements";
    static final String WORKSPACE_REQUIREMENTS = "defaultResourceRequirements";
    static final String BUDGET = "engineMemoryBudget";
    private static final long MIN_BUDGET_BYTES = 16L << 20;

    private final ResourceDao dao;
    private final SyncLimits environment;

    public ResourceSettings(ResourceDao dao, SyncLimits environment) {
        this.dao = dao;
        this.environment = environment;
    }

    /**
     * The defaults from the environment.
     *
     * @throws IllegalArgumentException naming the variable when one is not a quantity
     */
    public static SyncLimits environmentDefaults(Map<String, String> env) {
        ObjectNode json = ApiJson.MAPPER.createObjectNode();
        for (String field : ResourceRequirements.FIELDS) {
            Optional.ofNullable(env.get("JOB_MAIN_CONTAINER_" + field.toUpperCase(java.util.Locale.ROOT)))
                    .ifPresent(value -> json.put(field, value));
        }
        List<ConfigError> errors = new ArrayList<>();
        ResourceRequirements requirements = ResourceRequirements.read(json, "JOB_MAIN_CONTAINER", errors);
        if (!errors.isEmpty()) {
            ConfigError e = errors.get(0);
            throw new IllegalArgumentException(e.field().replace('.', '_').toUpperCase(java.util.Locale.ROOT) + " "
                    + e.problem());
        }
        long budget = SyncRequest.DEFAULT_MEMORY_BUDGET_BYTES;
        String mb = env.get("SLUICE_ENGINE_MEMORY_BUDGET_MB");
        if (mb != null && !mb.isBlank()) {
            try {
                budget = Long.parseLong(mb.strip()) << 20;
            } catch (NumberFormatException e) {
                budget = 0;
            }
            if (budget < MIN_BUDGET_BYTES) {
                throw new IllegalArgumentException("SLUICE_ENGINE_MEMORY_BUDGET_MB must be a whole number >= 16, not \""
                        + mb + "\"");
            }
        }
        return new SyncLimits(requirements, budget);
    }

    /** A checked {@code resourceRequirements}-shaped field as JSON text to store; problems go to {@code body}. */
    static Optional<String> requirements(Body body, String field) {
        if (!body.json().has(field) || body.json().get(field).isNull()) {
            return Optional.empty();
        }
        JsonNode given = body.json().get(field);
        List<ConfigError> errors = new ArrayList<>();
        ResourceRequirements.read(given, field, errors);
        body.errors(errors);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode kept = ApiJson.MAPPER.createObjectNode();
        for (String name : ResourceRequirements.FIELDS) {
            JsonNode value = given.get(name);
            if (value != null && !value.isNull() && !value.asText().isBlank()) {
                kept.put(name, value.asText().strip());
            }
        }
        return Optional.of(kept.toString());
    }

    /** A checked {@code engineMemoryBudget}: the quantity to store, "" to clear it; problems go to {@code body}. */
    static Optional<String> budget(Body body) {
        JsonNode value = body.json().get(BUDGET);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.isIntegralNumber() ? value.asLong() + "Mi" : value.isTextual() ? value.asText().strip() : null;
        if (text == null) {
            body.error(BUDGET, "must be a memory size such as \"512Mi\" or a number of MiB");
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.of("");
        }
        try {
            if (ResourceQuantity.bytes(text) < MIN_BUDGET_BYTES) {
                body.error(BUDGET, "must be at least 16Mi (got \"" + text + "\")");
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            body.error(BUDGET, e.getMessage());
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Reads a workspace's settings from a create or update body, over what it had. */
    WorkspaceResourcesRow readWorkspace(Body body, Optional<UUID> workspaceId) {
        WorkspaceResourcesRow old = workspaceId.flatMap(dao::workspace).orElse(WorkspaceResourcesRow.NONE);
        String requirements = requirements(body, WORKSPACE_REQUIREMENTS).orElse(old.defaultResourceRequirements());
        String budget = budget(body).orElse(old.engineMemoryBudget());
        return new WorkspaceResourcesRow(requirements, budget == null || budget.isEmpty() ? null : budget);
    }

    void saveWorkspace(UUID workspaceId, WorkspaceResourcesRow row) {
        dao.saveWorkspace(workspaceId, row, Instant.now());
    }

    WorkspaceResourcesRow workspace(UUID workspaceId) {
        return dao.workspace(workspaceId).orElse(WorkspaceResourcesRow.NONE);
    }

    void saveConnectionBudget(UUID connectionId, Optional<String> budget) {
        budget.ifPresent(b -> dao.setConnectionBudget(connectionId, b.isEmpty() ? null : b));
    }

    /** The connection's own budget, if it has one. */
    Optional<String> connectionBudget(UUID connectionId) {
        return dao.connectionBudget(connectionId).filter(b -> !b.isEmpty());
    }

    /**
     * What a sync of {@code connection} (of workspace {@code workspaceId}) may use.
     *
     * @throws ConnectorException CONFIG when a stored value is not valid (stored before it was checked)
     */
    SyncLimits limits(ConnectionRow connection, UUID workspaceId) {
        WorkspaceResourcesRow workspace = workspace(workspaceId);
        ResourceRequirements requirements = stored(connection.resourceRequirements(), REQUIREMENTS)
                .orElse(stored(workspace.defaultResourceRequirements(), WORKSPACE_REQUIREMENTS))
                .orElse(environment.connectorResources());
        Optional<String> budget = connectionBudget(connection.id())
                .or(() -> Optional.ofNullable(workspace.engineMemoryBudget()));
        try {
            return new SyncLimits(requirements,
                    budget.map(ResourceQuantity::bytes).orElse(environment.memoryBudgetBytes()));
        } catch (IllegalArgumentException e) {
            throw ConnectorException.config(BUDGET + " " + e.getMessage());
        }
    }

    private static ResourceRequirements stored(String text, String field) {
        if (text == null) {
            return ResourceRequirements.NONE;
        }
        List<ConfigError> errors = new ArrayList<>();
        ResourceRequirements requirements = ResourceRequirements.read(ApiJson.read(text), field, errors);
        if (!errors.isEmpty()) {
            throw ConnectorException.config("the stored " + errors.get(0) + "; update it");
        }
        return requirements;
    }
}
