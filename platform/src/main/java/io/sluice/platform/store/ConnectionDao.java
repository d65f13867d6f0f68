package io.sluice.platform.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Connections. A deleted connection keeps its row with status {@code deprecated}, as in Airbyte. */
@RegisterConstructorMapper(ConnectionRow.class)
public interface ConnectionDao {
    String COLUMNS = "id, name, source_id, destination_id, namespace_definition, namespace_format, prefix,"
            + " sync_catalog, schedule_type, schedule_data, status, resource_requirements,"
            + " non_breaking_changes_preference, notify_schema_changes, geography, operation_ids, created_at,"
            + " updated_at";

    @SqlUpdate("insert into connection (" + COLUMNS + ") values (:id, :name, :sourceId, :destinationId,"
            + " :namespaceDefinition, :namespaceFormat, :prefix, :syncCatalog, :scheduleType, :scheduleData, :status,"
            + " :resourceRequirements, :nonBreakingChangesPreference, :notifySchemaChanges, :geography,"
            + " :operationIds, :createdAt, :updatedAt)")
    void insert(@BindMethods ConnectionRow row);

    @SqlUpdate("update connection set name = :name, namespace_definition = :namespaceDefinition,"
            + " namespace_format = :namespaceFormat, prefix = :prefix, sync_catalog = :syncCatalog,"
            + " schedule_type = :scheduleType, schedule_data = :scheduleData, status = :status,"
            + " resource_requirements = :resourceRequirements,"
            + " non_breaking_changes_preference = :nonBreakingChangesPreference,"
            + " notify_schema_changes = :notifySchemaChanges, geography = :geography, operation_ids = :operationIds,"
            + " updated_at = :updatedAt where id = :id")
    int update(@BindMethods ConnectionRow row);

    @SqlQuery("select * from connection where id = :id")
    Optional<ConnectionRow> find(@Bind("id") UUID id);

    @SqlQuery("select c.* from connection c join actor s on s.id = c.source_id where s.workspace_id = :workspaceId"
            + " and c.status <> 'deprecated' order by c.created_at, c.id")
    List<ConnectionRow> listByWorkspace(@Bind("workspaceId") UUID workspaceId);

    @SqlQuery("select * from connection where status <> 'deprecated' order by created_at, id")
    List<ConnectionRow> listAll();

    @SqlQuery("select * from connection where (source_id = :actorId or destination_id = :actorId)"
            + " and status <> 'deprecated'")
    List<ConnectionRow> listByActor(@Bind("actorId") UUID actorId);

    @SqlUpdate("update connection set status = 'deprecated', updated_at = :now where id = :id")
    int deprecate(@Bind("id") UUID id, @Bind("now") Instant now);
}
