package io.sluice.platform.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Custom connector definitions (the built-in ones are not stored). */
@RegisterConstructorMapper(DefinitionRow.class)
public interface DefinitionDao {

    @SqlUpdate("insert into actor_definition (id, actor_type, workspace_id, name, docker_repository, docker_image_tag,"
            + " documentation_url, command, created_at) values (:id, :actorType, :workspaceId, :name,"
            + " :dockerRepository, :dockerImageTag, :documentationUrl, :command, :createdAt)")
    void insert(@BindMethods DefinitionRow row);

    @SqlQuery("select * from actor_definition where id = :id and actor_type = :type")
    Optional<DefinitionRow> find(@Bind("id") UUID id, @Bind("type") String actorType);

    @SqlQuery("select * from actor_definition where actor_type = :type order by created_at, id")
    List<DefinitionRow> list(@Bind("type") String actorType);
}
