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

/** Sources and destinations; deleted ones stay as tombstones so old jobs keep their meaning. */
@RegisterConstructorMapper(ActorRow.class)
public interface ActorDao {

    @SqlUpdate("insert into actor (id, workspace_id, actor_type, definition_id, name, configuration, tombstone,"
            + " created_at, updated_at) values (:id, :workspaceId, :actorType, :definitionId, :name, :configuration,"
            + " :tombstone, :createdAt, :updatedAt)")
    void insert(@BindMethods ActorRow row);

    @SqlUpdate("update actor set name = :name, configuration = :configuration, updated_at = :updatedAt"
            + " where id = :id and tombstone = false")
    int update(@BindMethods ActorRow row);

    @SqlUpdate("update actor set tombstone = true, updated_at = :now where id = :id")
    int tombstone(@Bind("id") UUID id, @Bind("now") Instant now);

    @SqlQuery("select * from actor where id = :id and actor_type = :type and tombstone = false")
    Optional<ActorRow> find(@Bind("id") UUID id, @Bind("type") String actorType);

    @SqlQuery("select * from actor where workspace_id = :workspaceId and actor_type = :type and tombstone = false"
            + " order by created_at, id")
    List<ActorRow> list(@Bind("workspaceId") UUID workspaceId, @Bind("type") String actorType);
}
