package io.sluice.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Source;
import io.sluice.connectors.duckdb.DuckDbDestination;
import io.sluice.engine.InMemoryStateStore;
import io.sluice.engine.SyncEngine;
import io.sluice.engine.SyncRequest;
import io.sluice.engine.SyncResult;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.SyncMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs real syncs of source-declarative into a DuckDB file through the engine, keeping state between them. */
final class DuckDbSync {
    private final Path database;
    private final InMemoryStateStore state = new InMemoryStateStore();

    DuckDbSync(Path database) {
        this.database = database;
    }

    /** Incremental append_dedup for streams with a cursor, full refresh overwrite for the others. */
    SyncResult run(JsonNode sourceConfig) {
        Source source = new DeclarativeSource();
        List<AirbyteStream> streams = source.discover(sourceConfig).streams();
        ConfiguredCatalog catalog = new ConfiguredCatalog(streams.stream().map(s -> s.supportedSyncModes().contains(SyncMode.INCREMENTAL)
                ? ConfiguredStream.of(s, SyncMode.INCREMENTAL, List.of(), DestinationSyncMode.APPEND_DEDUP, s.sourceDefinedPrimaryKey())
                : ConfiguredStream.of(s, SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.OVERWRITE, s.sourceDefinedPrimaryKey()))
                .toList());
        JsonNode destination = MessageCodec.mapper().createObjectNode()
                .put("destination_path", database.toString()).put("schema", "main");
        SyncResult result = new SyncEngine().run(SyncRequest.builder(source, sourceConfig, new DuckDbDestination(),
                destination, catalog).stateStore(state).build());
        assertThat(result.status()).as("sync status, failure: %s", result.failure()).isEqualTo(SyncResult.Status.SUCCEEDED);
        return result;
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
