package io.sluice.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.util.List;

/** Discover-then-read shortcuts for source tests. */
public final class SourceReads {
    private SourceReads() {}

    /** The discovered stream called {@code name}. */
    public static AirbyteStream stream(Source source, JsonNode config, String name) {
        return source.discover(config).streams().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stream " + name));
    }

    /** One stream, full refresh | overwrite. */
    public static ConfiguredCatalog fullRefresh(AirbyteStream stream) {
        return new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.FULL_REFRESH, List.of(),
                DestinationSyncMode.OVERWRITE, stream.sourceDefinedPrimaryKey())));
    }

    /** One stream, incremental | append on {@code cursor}. */
    public static ConfiguredCatalog incremental(AirbyteStream stream, String cursor) {
        return new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.INCREMENTAL, List.of(cursor),
                DestinationSyncMode.APPEND, stream.sourceDefinedPrimaryKey())));
    }

    /** Reads into a new collecting emitter. */
    public static CollectingEmitter read(Source source, JsonNode config, ConfiguredCatalog catalog, InputState state) {
        CollectingEmitter out = new CollectingEmitter();
        source.read(config, catalog, state, out);
        return out;
    }
}
