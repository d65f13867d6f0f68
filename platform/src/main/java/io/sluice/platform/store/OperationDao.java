package io.sluice.platform.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Operations; deleted ones stay as tombstones. */
@RegisterConstructorMapper(OperationRow.class)
public interface OperationDao {

    @SqlUpdate("insert into operation (id, workspace_id, name, operator_type, configuration, tombstone, created_at,"
            + " updated_at) values (:id, :workspaceId, :name, :operatorType, :configuration, :tombstone, :createdAt,"
            + " :updatedAt)")
    void insert(@BindMethods OperationRow row);

    @SqlUpdate("update operation set name = :name, operator_type = :operatorType, configuration = :configuration,"
            + " updated_at = :updatedAt where id = :id")
    int update(@BindMethods OperationRow row);

    @SqlUpdate("update operation set tombstone = true, updated_at = :now where id = :id")
    int tombstone(@Bind("id") UUID id, @Bind("now") Instant now);

    @SqlQuery("select * from operation where id = :id and tombstone = false")
    Optional<OperationRow> find(@Bind("id") UUID id);
}
