package io.sluice.platform.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The admin account's password hash and the API tokens' hashes. */
@RegisterConstructorMapper(AuthDao.TokenRow.class)
public interface AuthDao {

    /** What is kept of an API token besides its hash. */
    record TokenRow(UUID id, String name, Instant createdAt) {}

    @SqlQuery("select password_hash from admin_user where email = :email")
    Optional<String> passwordHash(@Bind("email") String email);

    @SqlQuery("select email from admin_user order by email limit 1")
    Optional<String> adminEmail();

    @SqlUpdate("insert into admin_user (email, password_hash, updated_at) values (:email, :hash, :now)")
    void insertAdmin(@Bind("email") String email, @Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("update admin_user set password_hash = :hash, updated_at = :now where email = :email")
    int updatePassword(@Bind("email") String email, @Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("update admin_user set email = :email, updated_at = :now where email = :old")
    int updateEmail(@Bind("old") String oldEmail, @Bind("email") String email, @Bind("now") Instant now);

    @SqlUpdate("insert into api_token (id, name, token_hash, created_at) values (:id, :name, :hash, :now)")
    void insertToken(@Bind("id") UUID id, @Bind("name") String name, @Bind("hash") String tokenHash,
            @Bind("now") Instant now);

    @SqlQuery("select count(*) from api_token where token_hash = :hash")
    int tokenCount(@Bind("hash") String tokenHash);

    @SqlQuery("select id, name, created_at from api_token order by created_at, id")
    List<TokenRow> listTokens();

    @SqlUpdate("delete from api_token where id = :id")
    int deleteToken(@Bind("id") UUID id);
}
