package io.sluice.platform.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The answers of the web UI's first-run wizard, one row per workspace. */
@RegisterConstructorMapper(SetupDao.SetupRow.class)
public interface SetupDao {

    /** A row of {@code ui_setup}; Sluice stores the usage-statistics choice and never sends anything. */
    record SetupRow(UUID workspaceId, String dataResidency, boolean anonymousUsageStats, Instant completedAt) {}

    @SqlUpdate("insert into ui_setup (workspace_id, data_residency, anonymous_usage_stats, completed_at)"
            + " values (:workspaceId, :dataResidency, :anonymousUsageStats, :completedAt)")
    void insert(@BindMethods SetupRow row);

    @SqlQuery("select * from ui_setup where workspace_id = :workspaceId")
    Optional<SetupRow> find(@Bind("workspaceId") UUID workspaceId);
}
