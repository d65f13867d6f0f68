package io.sluice.connectors.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.util.List;

/** Discover-then-read, as a sync does it. */
final class Reads {
    private Reads() {}

    record Result(AirbyteStream stream, List<Object[]> rows, CollectingEmitter out) {}

    static Result discoverAndRead(FileSource source, JsonNode config) {
        AirbyteStream stream = source.discover(config).streams().getFirst();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.FULL_REFRESH,
                List.of(), DestinationSyncMode.OVERWRITE, List.of())));
        CollectingEmitter out = new CollectingEmitter();
        source.read(config, catalog, InputState.empty(), out);
        return new Result(stream, out.rows(0), out);
    }
}
