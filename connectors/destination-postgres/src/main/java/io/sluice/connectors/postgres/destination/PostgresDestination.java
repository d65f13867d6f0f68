package io.sluice.connectors.postgres.destination;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.DbtProfile;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.Secret;
import io.sluice.cdk.SqlRunner;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes streams into PostgreSQL: raw JSONB tables and, with Basic normalization, typed and
 * flattened tables (child tables for arrays of objects), bulk-loaded with {@code COPY FROM STDIN}
 * in binary format. See {@link SyncRun} for how checkpoints, overwrite swaps and dedup merges are
 * committed.
 */
public final class PostgresDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDestination.class);

    private final CommitPolicy commitPolicy;

    public PostgresDestination() {
        this(CommitPolicy.DEFAULT);
    }

    /** For tests that need a commit at every checkpoint. */
    PostgresDestination(CommitPolicy commitPolicy) {
        this.commitPolicy = commitPolicy;
    }

    @Override
    public String name() {
        return "destination-postgres";
    }

    @Override
    public ConnectorSpecification spec() {
        return ConnectorSpecification.ofDestination("https://docs.airbyte.com/integrations/destinations/postgres",
                PostgresSpec.schema(),
                List.of(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP),
                true);
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        try {
            PostgresConfig settings = PostgresConfig.from(config);
            try (PgSession session = PgSession.open(settings)) {
                String probe = TableDdl.qualified(settings.schema(),
                        "_airbyte_connection_test_" + UUID.randomUUID().toString().replace("-", ""));
                session.createSchemaIfMissing(settings.schema());
                session.execute("CREATE TABLE " + probe + " (id integer)");
                session.execute("INSERT INTO " + probe + " VALUES (1)");
                session.execute("DROP TABLE " + probe);
                session.commit();
            }
            return ConnectionStatus.succeeded();
        } catch (ConnectorException e) {
            return ConnectionStatus.failed(e.getMessage());
        } catch (SQLException e) {
            LOG.info("PostgreSQL check failed: {} ({})", PostgresErrors.plain(e), e.getSQLState());
            return ConnectionStatus.failed("Could not connect and write to PostgreSQL: " + PostgresErrors.plain(e));
        } catch (RuntimeException e) {
            LOG.info("PostgreSQL check failed: {}", e.toString());
            return ConnectionStatus.failed("Could not connect and write to PostgreSQL: " + e.getMessage());
        }
    }

    @Override
    public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger) {
        PostgresConfig settings = PostgresConfig.from(config);
        PgSession session;
        try {
            session = PgSession.open(settings);
        } catch (SQLException e) {
            throw PostgresErrors.classify("Could not connect to PostgreSQL", e);
        }
        try (session) {
            new SyncRun(session, settings, catalog, acknowledger, commitPolicy).run(input);
        } catch (SQLException e) {
            LOG.warn("Closing the PostgreSQL connection failed: {}", PostgresErrors.plain(e));
        }
    }

    /** A connection with auto-commit on and {@code search_path} set to the config's schema. */
    @Override
    public Optional<SqlRunner> sqlRunner(JsonNode config) {
        return Optional.of(PgSqlRunner.open(PostgresConfig.from(config)));
    }

    /** dbt-postgres: host, port, user, password, dbname, schema, sslmode. */
    @Override
    public Optional<DbtProfile> dbtProfile(JsonNode config) {
        PostgresConfig settings = PostgresConfig.from(config);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("host", settings.host());
        fields.put("port", settings.port());
        fields.put("user", settings.username());
        fields.put("password", settings.password().orElse(Secret.of("")));
        fields.put("dbname", settings.database());
        fields.put("schema", settings.schema());
        fields.put("sslmode", settings.sslMode());
        fields.put("threads", 1);
        return Optional.of(new DbtProfile("postgres", fields, settings.database(), settings.schema()));
    }
}
