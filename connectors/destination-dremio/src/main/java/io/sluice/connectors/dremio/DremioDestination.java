package io.sluice.connectors.dremio;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.DbtProfile;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.SqlRunner;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.connectors.s3.destination.S3Destination;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands each stream in Dremio: destination-s3 writes it as Parquet to the staging bucket (one folder
 * per stream under {@code <s3_bucket_path>/<dataset>/}), then Dremio's REST API formats the folder as
 * a table or refreshes the table's metadata ({@link TablePublisher}), then the optional
 * {@code view_sql} runs over Arrow Flight ({@link DremioFlight}). States are acknowledged by
 * destination-s3 as its files become durable: a sync that fails in the Dremio step keeps its files,
 * and the next sync's refresh shows them.
 */
public final class DremioDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(DremioDestination.class);

    private final Destination staging;
    private final Duration pollInterval;
    private final Duration jobTimeout;

    public DremioDestination() {
        this(new S3Destination(), Duration.ofMillis(500), Duration.ofMinutes(30));
    }

    /** For tests: another staging writer and a quicker job poll. */
    DremioDestination(Destination staging, Duration pollInterval, Duration jobTimeout) {
        this.staging = requireNonNull(staging, "staging");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval");
        this.jobTimeout = requireNonNull(jobTimeout, "jobTimeout");
    }

    @Override
    public String name() {
        return "destination-dremio";
    }

    @Override
    public ConnectorSpecification spec() {
        return DremioSpec.specification();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        List<ConfigError> problems = DremioConfig.validate(config);
        if (!problems.isEmpty()) {
            return ConnectionStatus.failed("Invalid destination-dremio config: "
                    + String.join("; ", problems.stream().map(ConfigError::toString).toList()));
        }
        try {
            DremioConfig settings = DremioConfig.from(config);
            try (DremioFlight flight = DremioFlight.signIn(settings)) {
                flight.execute("SELECT 1");
            }
            DremioRest rest = DremioRest.signIn(settings, pollInterval, jobTimeout);
            Optional<CatalogEntry> project = rest.byPath(List.of(settings.project()));
            if (project.isEmpty() || !project.get().isContainer()) {
                return ConnectionStatus.failed("Dremio has no source or space named '" + settings.project()
                        + "' (project): add an S3 source for bucket " + settings.bucket() + " in Dremio, Root Path /"
                        + project.map(p -> "; it is a " + p.entityType()).orElse(""));
            }
            ConnectionStatus bucket = staging.check(settings.staging());
            if (!bucket.isSucceeded()) {
                return ConnectionStatus.failed("The S3 staging area is not writable: "
                        + bucket.message().orElse("no reason given"));
            }
            return ConnectionStatus.succeeded();
        } catch (ConnectorException e) {
            LOG.info("Dremio check failed: {}", e.getMessage());
            return ConnectionStatus.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.info("Dremio check failed: {}", e.getClass().getSimpleName());
            return ConnectionStatus.failed("Dremio check failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @Override
    public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger) {
        DremioConfig settings = DremioConfig.from(config);
        refuseNameClashes(catalog);
        CountingInput counted = new CountingInput(input, catalog.streams().size());
        staging.write(settings.staging(), catalog, counted, acknowledger);

        TablePublisher publisher = new TablePublisher(DremioRest.signIn(settings, pollInterval, jobTimeout), settings);
        for (int i = 0; i < catalog.streams().size(); i++) {
            ConfiguredStream stream = catalog.streams().get(i);
            publisher.publish(stream.stream().name(), stream.destinationSyncMode(), counted.rows(i));
        }
        settings.viewSql().ifPresent(sql -> {
            try (DremioFlight flight = DremioFlight.signIn(settings)) {
                flight.execute(sql);
            }
        });
    }

    /** Statements over Arrow Flight, signed in with the config's username and password. */
    @Override
    public Optional<SqlRunner> sqlRunner(JsonNode config) {
        return Optional.of(new DremioSqlRunner(DremioFlight.signIn(DremioConfig.from(config))));
    }

    /**
     * dbt-dremio's software_with_username_password fields: the REST port, and the project (source)
     * and staging path as object storage for tables; views go to dbt-dremio's default space (the
     * user's home space). The tables the
     * sync wrote are named by stream (not {@code _airbyte_raw_<stream>}) under
     * {@code "project"."bucket"...."dataset"}.
     */
    @Override
    public Optional<DbtProfile> dbtProfile(JsonNode config) {
        DremioConfig settings = DremioConfig.from(config);
        List<String> tablePath = settings.tablePath("x");
        String folder = String.join(".", tablePath.subList(1, tablePath.size() - 1));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("software_host", settings.host());
        fields.put("port", settings.restPort());
        fields.put("user", settings.username());
        fields.put("password", settings.password());
        fields.put("use_ssl", settings.ssl());
        fields.put("object_storage_source", settings.project());
        fields.put("object_storage_path", folder);
        fields.put("threads", 1);
        return Optional.of(new DbtProfile("dremio", fields, settings.project(), folder));
    }

    /**
     * The dataset folder holds one folder per stream name, so two streams of one name (in different
     * namespaces) would share a table; and Dremio cannot deduplicate staged files: both are refused.
     */
    private static void refuseNameClashes(ConfiguredCatalog catalog) {
        Map<String, String> seen = new HashMap<>();
        for (ConfiguredStream stream : catalog.streams()) {
            String name = stream.stream().name();
            String full = stream.stream().namespace().map(n -> n + ".").orElse("") + name;
            if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
                throw ConnectorException.config("stream " + full + ": destination-dremio does not support the "
                        + "append_dedup sync mode (staged Parquet files cannot be deduplicated); use append or overwrite");
            }
            String other = seen.put(name, full);
            if (other != null) {
                throw ConnectorException.config("streams " + other + " and " + full + " would share the Dremio table "
                        + name + ": rename one (the dataset folder holds one folder per stream name)");
            }
        }
    }
}
