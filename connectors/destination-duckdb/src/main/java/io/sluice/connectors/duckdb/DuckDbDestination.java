package io.sluice.connectors.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.DbtProfile;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.SqlRunner;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes streams into an embedded DuckDB file: raw JSON tables and, with Basic normalization,
 * typed and flattened tables, loaded through DuckDB's appender. See {@link SyncRun} for how
 * checkpoints, overwrite swaps and dedup merges are committed.
 */
public final class DuckDbDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDestination.class);

    private final CommitPolicy commitPolicy;

    public DuckDbDestination() {
        this(CommitPolicy.DEFAULT);
    }

    /** For tests that need a commit at every checkpoint. */
    DuckDbDestination(CommitPolicy commitPolicy) {
        this.commitPolicy = commitPolicy;
    }

    @Override
    public String name() {
        return "destination-duckdb";
    }

    @Override
    public ConnectorSpecification spec() {
        return ConnectorSpecification.ofDestination("https://docs.airbyte.com/integrations/destinations/duckdb",
                DuckDbConfig.specSchema(),
                List.of(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP),
                true);
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        try {
            DuckDbConfig settings = DuckDbConfig.from(config);
            try (DuckDbSession session = open(settings.file())) {
                String probe = TableDdl.qualified(settings.schema(),
                        "_airbyte_connection_test_" + UUID.randomUUID().toString().replace("-", ""));
                session.createSchemaIfMissing(settings.schema());
                session.execute("CREATE TABLE " + probe + " (id INTEGER)");
                session.execute("INSERT INTO " + probe + " VALUES (1)");
                session.execute("DROP TABLE " + probe);
            }
            return ConnectionStatus.succeeded();
        } catch (ConnectorException e) {
            return ConnectionStatus.failed(e.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.info("DuckDB check failed: {}", e.getMessage());
            return ConnectionStatus.failed("Could not write to the DuckDB file: " + firstLine(e.getMessage()));
        }
    }

    @Override
    public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger) {
        DuckDbConfig settings = DuckDbConfig.from(config);
        try (DuckDbSession session = open(settings.file())) {
            new SyncRun(session, settings, catalog, acknowledger, commitPolicy).run(input);
        } catch (SQLException e) {
            throw ConnectorException.system("DuckDB file " + settings.file() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The database file, with the config's schema as the default one for unqualified names. */
    @Override
    public Optional<SqlRunner> sqlRunner(JsonNode config) {
        DuckDbConfig settings = DuckDbConfig.from(config);
        try {
            return Optional.of(DuckDbSqlRunner.open(open(settings.file()), settings.schema()));
        } catch (SQLException e) {
            throw ConnectorException.config("destination_path: " + settings.file() + " cannot be opened: "
                    + firstLine(e.getMessage()));
        }
    }

    /** dbt-duckdb: path and schema; the raw tables' database is the file's catalog (its name without .duckdb). */
    @Override
    public Optional<DbtProfile> dbtProfile(JsonNode config) {
        DuckDbConfig settings = DuckDbConfig.from(config);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("path", settings.file().toString());
        fields.put("schema", settings.schema());
        fields.put("threads", 1);
        String fileName = settings.file().getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return Optional.of(new DbtProfile("duckdb", fields, dot > 0 ? fileName.substring(0, dot) : fileName,
                settings.schema()));
    }

    /** Opens the file, creating its directories; a path that cannot be a database file is a CONFIG error. */
    private static DuckDbSession open(Path file) throws SQLException {
        if (Files.isDirectory(file)) {
            throw ConnectorException.config("destination_path: " + file + " is a directory, not a DuckDB file");
        }
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw ConnectorException.config("destination_path: cannot create the directory " + file.getParent()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return DuckDbSession.open(file);
        } catch (SQLException e) {
            throw ConnectorException.config("destination_path: " + file + " cannot be opened as a DuckDB database: "
                    + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
