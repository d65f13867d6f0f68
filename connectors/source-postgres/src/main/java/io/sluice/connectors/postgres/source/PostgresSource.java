package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.Source;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.jdbc.SqlFailures;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.SyncMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code source-postgres}: tables, views and materialized views of chosen schemas, read in full
 * through server-side cursors (large tables in parallel page ranges under one snapshot) or
 * incrementally by a user-chosen cursor column. Config fields are Airbyte's.
 */
public final class PostgresSource implements Source {
    public static final String NAME = "source-postgres";
    static final int CHECKPOINT_RECORDS = 100_000;
    static final Duration CHECKPOINT_TIME = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSource.class);

    /** Tables from this size on (8 kB pages, from pg_class.relpages) are read in parallel ranges. */
    static final long CHUNK_THRESHOLD_PAGES = 64_000;

    /** Once the slot's walsender has read past the sync's start position, the quiet time that ends a CDC read. */
    static final Duration CDC_QUIET = Duration.ofSeconds(2);

    private final int checkpointRecords;
    private final long chunkThresholdPages;
    private final Duration cdcQuiet;

    public PostgresSource() {
        this(CHECKPOINT_RECORDS, CHUNK_THRESHOLD_PAGES, CDC_QUIET);
    }

    /**
     * A source that checkpoints every {@code checkpointRecords} rows (at the next cursor boundary)
     * and reads tables of at least {@code chunkThresholdPages} pages in parallel ranges.
     */
    PostgresSource(int checkpointRecords, long chunkThresholdPages) {
        this(checkpointRecords, chunkThresholdPages, CDC_QUIET);
    }

    /** ... and ends a CDC read once caught up and no change arrived for {@code cdcQuiet}. */
    PostgresSource(int checkpointRecords, long chunkThresholdPages, Duration cdcQuiet) {
        this.checkpointRecords = checkpointRecords;
        this.chunkThresholdPages = chunkThresholdPages;
        this.cdcQuiet = cdcQuiet;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorSpecification spec() {
        return PostgresSpec.specification();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        try {
            List<ConfigError> problems = PostgresConfig.validate(config);
            if (!problems.isEmpty()) {
                return ConnectionStatus.failed(PostgresConfig.describe(problems));
            }
            PostgresConfig pg = PostgresConfig.from(config);
            try (Connection connection = new PgConnections(pg).open()) {
                Optional<String> problem = probe(connection, pg);
                if (problem.isEmpty() && pg.cdc().isPresent()) {
                    problem = CdcPrerequisites.problem(connection, pg);
                }
                return problem.map(ConnectionStatus::failed).orElseGet(ConnectionStatus::succeeded);
            } catch (SQLException e) {
                return ConnectionStatus.failed(ConnectFailures.describe(e, pg));
            }
        } catch (RuntimeException e) {
            LOG.warn("check failed unexpectedly", e);
            return ConnectionStatus.failed("Could not check the config: " + e.getMessage());
        }
    }

    /** What is wrong with the schemas, if anything. */
    private static Optional<String> probe(Connection connection, PostgresConfig pg) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT has_schema_privilege(oid, 'USAGE') FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            for (String schema : pg.schemas()) {
                s.setString(1, schema);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.of("schema \"" + schema + "\" does not exist in database \"" + pg.database() + "\"");
                    }
                    if (!rs.getBoolean(1)) {
                        return Optional.of("no access to schema \"" + schema + "\" for user \"" + pg.username()
                                + "\" (permission denied: grant USAGE on the schema and SELECT on its tables)");
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Catalog discover(JsonNode config) {
        PostgresConfig pg = PostgresConfig.from(config);
        try (Connection connection = new PgConnections(pg).openClassified()) {
            List<PgTable> tables = PgCatalog.selectableTables(connection, pg.schemas());
            LOG.info("discovered {} tables and views in {} schemas", tables.size(), pg.schemas().size());
            boolean cdc = pg.cdc().isPresent();
            return new Catalog(tables.stream().map(t -> stream(t, cdc)).toList());
        } catch (SQLException e) {
            throw SqlFailures.classify("Discovering the tables of \"" + pg.database() + "\" failed", e);
        }
    }

    /** With CDC, the CDC columns are added and the LSN is the source-defined cursor (as Airbyte does). */
    private static AirbyteStream stream(PgTable table, boolean cdc) {
        RowSchema.JsonSchemaBuilder schema = new RowSchema.JsonSchemaBuilder();
        table.columns().forEach(c -> schema.property(c.name(), c.type().jsonSchema()));
        if (cdc) {
            CdcColumns.addTo(schema);
        }
        List<List<String>> key = table.primaryKey().stream().map(List::of).toList();
        return new AirbyteStream(table.name(), schema.build(), List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                Optional.of(cdc), cdc ? List.of(CdcColumns.LSN) : List.of(), key, Optional.of(table.schema()),
                Optional.of(true), Map.of());
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        PostgresConfig pg = PostgresConfig.from(config);
        PgConnections connections = new PgConnections(pg);
        try (Connection connection = connections.openClassified()) {
            List<ConfiguredStream> streams = catalog.streams();
            if (pg.cdc().isEmpty()) {
                for (int index = 0; index < streams.size(); index++) {
                    readStream(connections, connection, pg, index, streams.get(index), state, out);
                }
                return;
            }
            Map<Integer, ConfiguredStream> cdcStreams = new TreeMap<>();
            for (int index = 0; index < streams.size(); index++) {
                ConfiguredStream stream = streams.get(index);
                if (stream.syncMode() == SyncMode.INCREMENTAL) {
                    cdcStreams.put(index, stream);
                } else {
                    readTable(connections, connection, pg, index, stream, state, out, true);
                }
            }
            if (state.global().flatMap(g -> g.sharedState()).filter(g -> g.has("offset")).isPresent()) {
                for (Map.Entry<Integer, ConfiguredStream> e : cdcStreams.entrySet()) {
                    if (!CdcTableRead.snapshotted(e.getValue(), state.global())) {
                        LOG.info("stream {} is new to CDC: reading its table first", e.getValue().descriptor());
                        readTable(connections, connection, pg, e.getKey(), e.getValue(), InputState.empty(), out, false);
                    }
                }
            }
            if (!cdcStreams.isEmpty()) {
                new CdcRead(pg, cdcQuiet, checkpointRecords, CHECKPOINT_TIME)
                        .read(connection, cdcStreams, streams.size(), state.global(), out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        } catch (SQLException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SyncCancelledException();
            }
            throw SqlFailures.classify("Reading from \"" + pg.database() + "\" failed", e);
        }
    }

    /**
     * A stream of a CDC source read by a table scan, its CDC columns filled in: a full refresh
     * stream, or the snapshot of a CDC stream new to the connection (its states left out: the
     * GLOBAL state that follows covers it).
     */
    private void readTable(PgConnections connections, Connection connection, PostgresConfig pg, int index,
            ConfiguredStream stream, InputState state, Emitter out, boolean keepStates) throws SQLException {
        long lsn = ReplicationSlot.currentWalLsn(connection);
        readStream(connections, connection, pg, index, CdcTableRead.tableOnly(stream), state,
                CdcTableRead.padding(out, stream, lsn, keepStates));
    }

    private void readStream(PgConnections connections, Connection connection, PostgresConfig pg, int index,
            ConfiguredStream stream, InputState state, Emitter out) {
        String schema = stream.stream().namespace().orElse(pg.schemas().getFirst());
        String name = stream.stream().name();
        try {
            PgTable table = PgCatalog.table(connection, schema, name).orElseThrow(() -> ConnectorException.config(
                    "table \"" + schema + "." + name + "\" does not exist (or is not a table or view)"));
            StreamPlan plan = StreamPlan.of(index, stream, table);
            StreamCheckpoints checkpoints = new StreamCheckpoints(out, index, stream.descriptor(),
                    checkpointRecords, CHECKPOINT_TIME);
            checkpoints.started();
            if (stream.syncMode() == SyncMode.INCREMENTAL) {
                IncrementalRead.read(connection, plan, state.streamState(stream.descriptor()), checkpoints);
            } else if (pg.parallelism() > 1 && table.hasHeapPages() && table.pages() >= chunkThresholdPages) {
                new ChunkedRead(connections, pg.parallelism()).read(connection, plan, TableScan.forFullRefresh(plan),
                        checkpoints);
            } else {
                FullRefreshRead.read(connection, TableScan.forFullRefresh(plan), checkpoints);
            }
            LOG.info("stream {}: emitted {} records", stream.descriptor(), checkpoints.rowsEmitted());
        } catch (SQLException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SyncCancelledException();
            }
            throw SqlFailures.classify("Reading " + schema + "." + name + " failed", e);
        }
    }
}
