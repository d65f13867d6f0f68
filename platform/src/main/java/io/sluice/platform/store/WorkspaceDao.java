package io.sluice.platform.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Workspaces. */
@RegisterConstructorMapper(WorkspaceRow.class)
public interface WorkspaceDao {

    @SqlUpdate("insert into workspace (id, name, slug, email, initial_setup_complete, namespace_definition,"
            + " namespace_format, created_at, updated_at) values (:id, :name, :slug, :email, :initialSetupComplete,"
            + " :namespaceDefinition, :namespaceFormat, :createdAt, :updatedAt)")
    void insert(@BindMethods WorkspaceRow row);

    @SqlUpdate("update workspace set name = :name, slug = :slug, email = :email,"
            + " initial_setup_complete = :initialSetupComplete, namespace_definition = :namespaceDefinition,"
            + " namespace_format = :namespaceFormat, updated_at = :updatedAt where id = :id")
    int update(@BindMethods WorkspaceRow row);

    @SqlQuery("select * from workspace where id = :id")
    Optional<WorkspaceRow> find(@Bind("id") UUID id);

    @SqlQuery("select * from workspace order by created_at, id")
    List<WorkspaceRow> list();
}
