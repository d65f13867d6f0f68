package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.util.List;

/** Discover-then-read shortcuts for the tests. */
final class PgReads {
    private PgReads() {}

    static AirbyteStream stream(Source source, JsonNode config, String name) {
        return source.discover(config).streams().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stream " + name));
    }

    static ConfiguredCatalog fullRefresh(AirbyteStream stream) {
        return new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.FULL_REFRESH, List.of(),
                DestinationSyncMode.OVERWRITE, stream.sourceDefinedPrimaryKey())));
    }

    static ConfiguredCatalog incremental(AirbyteStream stream, String cursor) {
        return new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.INCREMENTAL, List.of(cursor),
                DestinationSyncMode.APPEND, stream.sourceDefinedPrimaryKey())));
    }

    static CollectingEmitter read(Source source, JsonNode config, ConfiguredCatalog catalog, InputState state) {
        CollectingEmitter out = new CollectingEmitter();
        source.read(config, catalog, state, out);
        return out;
    }
}
