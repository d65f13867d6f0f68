package io.sluice.connectors.mysql.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.Source;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.cdc.ContinuousMode;
import io.sluice.cdk.jdbc.StreamCheckpoints;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.SyncMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code source-mysql}: the tables and views of one MySQL 8 or MariaDB 10.11+ database, read in
 * full through streamed result sets, incrementally by a user-chosen cursor column, or by change data
 * capture from the binary log (replication method CDC). Config fields are Airbyte's.
 */
public final class MySqlSource implements Source {
    public static final String NAME = "source-mysql";
    static final int CHECKPOINT_RECORDS = 100_000;
    static final Duration CHECKPOINT_TIME = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSource.class);

    /** Once the binlog client has read past the log's end as it was at the start, the quiet time that ends a CDC read. */
    static final Duration CDC_QUIET = Duration.ofSeconds(2);

    private final int checkpointRecords;
    private final Duration cdcQuiet;
    private final Duration checkpointTime;

    public MySqlSource() {
        this(CHECKPOINT_RECORDS);
    }

    /** A source that checkpoints every {@code checkpointRecords} rows (at the next cursor boundary). */
    MySqlSource(int checkpointRecords) {
        this(checkpointRecords, CDC_QUIET, CHECKPOINT_TIME);
    }

    /** ... that ends a batch CDC read once caught up and quiet for {@code cdcQuiet}, checkpoints at least every {@code checkpointTime}. */
    MySqlSource(int checkpointRecords, Duration cdcQuiet, Duration checkpointTime) {
        this.checkpointRecords = checkpointRecords;
        this.cdcQuiet = cdcQuiet;
        this.checkpointTime = checkpointTime;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorSpecification spec() {
        return MySqlSpec.specification();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        try {
            List<ConfigError> problems = MySqlConfig.validate(config);
            if (!problems.isEmpty()) {
                return ConnectionStatus.failed(MySqlConfig.describe(problems));
            }
            MySqlConfig mysql = MySqlConfig.from(config);
            try (Connection connection = new MySqlConnections(mysql).open()) {
                Optional<String> problem = probe(connection, mysql);
                if (problem.isEmpty() && mysql.cdc().isPresent()) {
                    problem = CdcPrerequisites.problem(connection, mysql);
                }
                return problem.map(ConnectionStatus::failed).orElseGet(ConnectionStatus::succeeded);
            } catch (SQLException e) {
                return ConnectionStatus.failed(MySqlFailures.describe(e, mysql));
            }
        } catch (RuntimeException e) {
            LOG.warn("check failed unexpectedly", e);
            return ConnectionStatus.failed("Could not check the config: " + e.getMessage());
        }
    }

    /** What keeps the user from reading, if anything: tables exist but none may be selected. */
    private static Optional<String> probe(Connection connection, MySqlConfig mysql) throws SQLException {
        if (MySqlCatalog.selectableTables(connection, mysql.database()).isEmpty()
                && MySqlCatalog.hasTables(connection, mysql.database())) {
            return Optional.of("missing SELECT privilege: user \"" + mysql.username() + "\" may not read any table "
                    + "or view of database \"" + mysql.database() + "\" (GRANT SELECT ON `" + mysql.database()
                    + "`.* TO the user, or on the tables to sync)");
        }
        return Optional.empty();
    }

    @Override
    public Catalog discover(JsonNode config) {
        MySqlConfig mysql = MySqlConfig.from(config);
        try (Connection connection = new MySqlConnections(mysql).openClassified()) {
            List<MySqlTable> tables = MySqlCatalog.selectableTables(connection, mysql.database());
            LOG.info("discovered {} tables and views", tables.size());
            boolean cdc = mysql.cdc().isPresent();
            return new Catalog(tables.stream().map(t -> stream(t, cdc)).toList());
        } catch (SQLException e) {
            throw MySqlFailures.classify("Discovering the tables of \"" + mysql.database() + "\" failed", e);
        }
    }

    /** With CDC, tables get the CDC columns and {@code _ab_cdc_cursor} as source-defined cursor (as Airbyte's); views stay full refresh. */
    private static AirbyteStream stream(MySqlTable table, boolean cdc) {
        RowSchema.JsonSchemaBuilder schema = new RowSchema.JsonSchemaBuilder();
        table.columns().forEach(c -> schema.property(c.name(), c.type().jsonSchema()));
        boolean changes = cdc && !table.view();
        if (changes) {
            CdcColumns.addTo(schema);
        }
        List<List<String>> key = table.primaryKey().stream().map(List::of).toList();
        List<SyncMode> modes = cdc && table.view() ? List.of(SyncMode.FULL_REFRESH)
                : List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
        return new AirbyteStream(table.name(), schema.build(), modes, Optional.of(changes),
                changes ? List.of(CdcColumns.CURSOR) : List.of(), key, Optional.of(table.database()), Optional.of(true),
                Map.of());
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        MySqlConfig mysql = MySqlConfig.from(config);
        MySqlConnections connections = new MySqlConnections(mysql);
        try (Connection connection = connections.openClassified()) {
            List<ConfiguredStream> streams = catalog.streams();
            if (mysql.cdc().isPresent()) {
                new CdcSync(mysql, connections, checkpointRecords, checkpointTime, cdcQuiet,
                        ContinuousMode.requested(config)).read(connection, streams, state, out);
                return;
            }
            for (int index = 0; index < streams.size(); index++) {
                readStream(connection, mysql, index, streams.get(index), state, out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        } catch (SQLException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SyncCancelledException();
            }
            throw MySqlFailures.classify("Reading from \"" + mysql.database() + "\" failed", e);
        }
    }

    private void readStream(Connection connection, MySqlConfig mysql, int index, ConfiguredStream stream,
            InputState state, Emitter out) {
        String database = stream.stream().namespace().orElse(mysql.database());
        String name = stream.stream().name();
        try {
            MySqlTable table = MySqlCatalog.table(connection, database, name).orElseThrow(() -> ConnectorException
                    .config("table \"" + database + "." + name + "\" does not exist (or is not a table or view)"));
            StreamPlan plan = StreamPlan.of(stream, table);
            StreamCheckpoints checkpoints = new StreamCheckpoints(out, index, stream.descriptor(),
                    checkpointRecords, checkpointTime);
            checkpoints.started();
            if (stream.syncMode() == SyncMode.INCREMENTAL) {
                IncrementalRead.read(connection, plan, state.streamState(stream.descriptor()), checkpoints);
            } else {
                FullRefreshRead.read(connection, plan, checkpoints);
            }
            LOG.info("stream {}: emitted {} records", stream.descriptor(), checkpoints.rowsEmitted());
        } catch (SQLException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SyncCancelledException();
            }
            throw MySqlFailures.classify("Reading " + database + "." + name + " failed", e);
        }
    }
}
