package io.sluice.platform.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Workspaces' notification settings, and the run of failed syncs that disables a connection. */
public interface NotificationDao {

    @SqlQuery("select settings from workspace_notification where workspace_id = :workspaceId")
    Optional<String> settings(@Bind("workspaceId") UUID workspaceId);

    @SqlUpdate("update workspace_notification set settings = :settings, updated_at = :now where workspace_id = :workspaceId")
    int updateSettings(@Bind("workspaceId") UUID workspaceId, @Bind("settings") String settings, @Bind("now") Instant now);

    @SqlUpdate("insert into workspace_notification (workspace_id, settings, updated_at) values (:workspaceId, :settings, :now)")
    void insertSettings(@Bind("workspaceId") UUID workspaceId, @Bind("settings") String settings, @Bind("now") Instant now);

    @Transaction
    default void saveSettings(UUID workspaceId, String settings, Instant now) {
        if (updateSettings(workspaceId, settings, now) == 0) {
            insertSettings(workspaceId, settings, now);
        }
    }

    /** The statuses of the connection's last finished sync jobs, newest first. */
    @SqlQuery("select status from job where scope = :scope and config_type = 'sync'"
            + " and status in ('succeeded', 'failed', 'cancelled') order by id desc limit :limit")
    List<String> lastSyncStatuses(@Bind("scope") String connectionId, @Bind("limit") int limit);

    @SqlUpdate("update connection set status = 'inactive', updated_at = :now where id = :id and status = 'active'")
    int disableConnection(@Bind("id") UUID connectionId, @Bind("now") Instant now);
}
