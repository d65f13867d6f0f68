package io.sluice.platform.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The acknowledged state of each connection, as a JSON array of Airbyte state messages. */
public interface StateDao {

    @SqlQuery("select state from connection_state where connection_id = :id")
    Optional<String> find(@Bind("id") UUID connectionId);

    @SqlUpdate("update connection_state set state = :state, updated_at = :now where connection_id = :id")
    int update(@Bind("id") UUID connectionId, @Bind("state") String state, @Bind("now") Instant now);

    @SqlUpdate("insert into connection_state (connection_id, state, updated_at) values (:id, :state, :now)")
    void insert(@Bind("id") UUID connectionId, @Bind("state") String state, @Bind("now") Instant now);

    @SqlUpdate("delete from connection_state where connection_id = :id")
    int delete(@Bind("id") UUID connectionId);

    /** Replaces the state (one connection's syncs never run at once, so update-then-insert is safe). */
    @Transaction
    default void save(UUID connectionId, String state, Instant now) {
        if (update(connectionId, state, now) == 0) {
            insert(connectionId, state, now);
        }
    }
}
