package io.sluice.platform.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Jobs and their attempts. */
@RegisterConstructorMapper(JobRow.class)
@RegisterConstructorMapper(AttemptRow.class)
public interface JobDao {

    @SqlUpdate("insert into job (config_type, scope, status, created_at, updated_at)"
            + " values (:configType, :scope, 'pending', :now, :now)")
    @GetGeneratedKeys("id")
    long insertJob(@Bind("configType") String configType, @Bind("scope") String scope, @Bind("now") Instant now);

    @SqlQuery("select * from job where id = :id")
    Optional<JobRow> findJob(@Bind("id") long id);

    @SqlQuery("select * from job where scope = :scope and status in ('pending', 'running', 'incomplete') order by id limit 1")
    Optional<JobRow> findActive(@Bind("scope") String scope);

    @SqlQuery("select * from job where status in ('pending', 'running', 'incomplete')")
    List<JobRow> listActive();

    @SqlQuery("select * from job where (cast(:scope as varchar) is null or scope = cast(:scope as varchar)) and config_type in (<types>)"
            + " order by id desc limit :limit offset :offset")
    List<JobRow> list(@Bind("scope") String scope, @BindList("types") Collection<String> configTypes,
            @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("select count(*) from job where (cast(:scope as varchar) is null or scope = cast(:scope as varchar)) and config_type in (<types>)")
    long count(@Bind("scope") String scope, @BindList("types") Collection<String> configTypes);

    @SqlUpdate("update job set status = :status, updated_at = :now where id = :id")
    int setStatus(@Bind("id") long id, @Bind("status") String status, @Bind("now") Instant now);

    @SqlUpdate("update job set status = 'running', started_at = coalesce(started_at, :now), updated_at = :now"
            + " where id = :id and status = 'pending'")
    int markRunning(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("insert into attempt (job_id, attempt_number, status, log_path, node, created_at, updated_at)"
            + " values (:jobId, :number, 'running', :logPath, :node, :now, :now)")
    @GetGeneratedKeys("id")
    long insertAttempt(@Bind("jobId") long jobId, @Bind("number") int attemptNumber, @Bind("logPath") String logPath,
            @Bind("node") String node, @Bind("now") Instant now);

    /** The node that ran the attempt; empty for attempts older than several-node support. */
    @SqlQuery("select node from attempt where id = :id and node is not null")
    Optional<String> attemptNode(@Bind("id") long attemptId);

    /**
     * Creates a pending job that holds the connection's one active-job slot; fails (and leaves
     * nothing behind) when another job of the connection holds it.
     */
    @Transaction
    default long insertActiveJob(String configType, String scope, Instant now) {
        long id = insertJob(configType, scope, now);
        holdActive(scope, id);
        return id;
    }

    @SqlUpdate("insert into connection_active_job (scope, job_id) values (:scope, :jobId)")
    void holdActive(@Bind("scope") String scope, @Bind("jobId") long jobId);

    /** The connection's pending, running or incomplete job. */
    @SqlQuery("select job_id from connection_active_job where scope = :scope")
    Optional<Long> activeJob(@Bind("scope") String scope);

    /** Gives the job its final status and frees its connection for the next job. */
    @Transaction
    default void end(long id, String status, Instant now) {
        setStatus(id, status, now);
        releaseActive(id);
    }

    @SqlUpdate("delete from connection_active_job where job_id = :jobId")
    int releaseActive(@Bind("jobId") long jobId);

    /** Cancels the job if no worker has started it yet; true when it did. */
    @Transaction
    default boolean cancelIfPending(long id, Instant now) {
        if (cancelPending(id, now) == 0) {
            return false;
        }
        releaseActive(id);
        return true;
    }

    @SqlUpdate("update job set status = 'cancelled', updated_at = :now where id = :id and status = 'pending'")
    int cancelPending(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("update job set cancel_requested = true where id = :id")
    int requestCancel(@Bind("id") long id);

    @SqlQuery("select status from attempt where id = :id")
    Optional<String> attemptStatus(@Bind("id") long attemptId);

    @SqlQuery("select cancel_requested from job where id = :id")
    boolean cancelRequested(@Bind("id") long id);

    @SqlUpdate("update attempt set stats = :stats, updated_at = :now where id = :id")
    int updateStats(@Bind("id") long attemptId, @Bind("stats") String stats, @Bind("now") Instant now);

    @SqlUpdate("update attempt set status = :status, stats = :stats, failure_summary = :failure, updated_at = :now,"
            + " ended_at = :now where id = :id")
    int finishAttempt(@Bind("id") long attemptId, @Bind("status") String status, @Bind("stats") String stats,
            @Bind("failure") String failureSummary, @Bind("now") Instant now);

    @SqlQuery("select status from job where scope = :scope and config_type = 'sync' and status in ('succeeded', 'failed')"
            + " order by id desc limit :limit")
    List<String> lastFinishedSyncStatuses(@Bind("scope") String scope, @Bind("limit") int limit);

    /** When the connection's last successful sync ended; null when it never succeeded. */
    @SqlQuery("select max(updated_at) from job where scope = :scope and config_type = 'sync' and status = 'succeeded'")
    Instant lastSuccess(@Bind("scope") String scope);

    @SqlQuery("select * from attempt where job_id = :jobId order by attempt_number")
    List<AttemptRow> attempts(@Bind("jobId") long jobId);

    @SqlQuery("select * from attempt where job_id in (<jobIds>) order by job_id, attempt_number")
    List<AttemptRow> attemptsOf(@BindList("jobIds") Collection<Long> jobIds);
}
