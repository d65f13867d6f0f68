package io.sluice.platform.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Workspaces' default resource requirements and engine memory budgets, and connections' budgets. */
@RegisterConstructorMapper(WorkspaceResourcesRow.class)
public interface ResourceDao {

    @SqlQuery("select default_resource_requirements, engine_memory_budget from workspace_resources"
            + " where workspace_id = :workspaceId")
    Optional<WorkspaceResourcesRow> workspace(@Bind("workspaceId") UUID workspaceId);

    @SqlUpdate("update workspace_resources set default_resource_requirements = :requirements,"
            + " engine_memory_budget = :budget, updated_at = :now where workspace_id = :workspaceId")
    int updateWorkspace(@Bind("workspaceId") UUID workspaceId, @Bind("requirements") String requirements,
            @Bind("budget") String budget, @Bind("now") Instant now);

    @SqlUpdate("insert into workspace_resources (workspace_id, default_resource_requirements, engine_memory_budget,"
            + " updated_at) values (:workspaceId, :requirements, :budget, :now)")
    void insertWorkspace(@Bind("workspaceId") UUID workspaceId, @Bind("requirements") String requirements,
            @Bind("budget") String budget, @Bind("now") Instant now);

    @Transaction
    default void saveWorkspace(UUID workspaceId, WorkspaceResourcesRow row, Instant now) {
        if (updateWorkspace(workspaceId, row.defaultResourceRequirements(), row.engineMemoryBudget(), now) == 0) {
            insertWorkspace(workspaceId, row.defaultResourceRequirements(), row.engineMemoryBudget(), now);
        }
    }

    /** The connection's budget; "" when it has none. */
    @SqlQuery("select coalesce(engine_memory_budget, '') from connection where id = :id")
    Optional<String> connectionBudget(@Bind("id") UUID connectionId);

    @SqlUpdate("update connection set engine_memory_budget = :budget where id = :id")
    int setConnectionBudget(@Bind("id") UUID connectionId, @Bind("budget") String budget);
}
