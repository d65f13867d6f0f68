package io.sluice.connectors.s3.source;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.connectors.files.testing.S3TestServer;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.util.List;

/** source-s3 configs and reads for tests. */
final class Buckets {
    private Buckets() {}

    static ObjectNode config(S3TestServer s3, String bucket) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("bucket", bucket)
                .put("aws_access_key_id", S3TestServer.ACCESS_KEY)
                .put("aws_secret_access_key", S3TestServer.SECRET_KEY)
                .put("endpoint", s3.endpoint().toString())
                .put("region_name", "us-east-1");
        c.putArray("streams");
        return c;
    }

    /** Adds a stream; returns its format object for options. */
    static ObjectNode stream(ObjectNode config, String name, String filetype, String... globs) {
        ObjectNode stream = ((ArrayNode) config.get("streams")).addObject();
        stream.put("name", name);
        ArrayNode g = stream.putArray("globs");
        for (String glob : globs) {
            g.add(glob);
        }
        return stream.putObject("format").put("filetype", filetype);
    }

    static ConfiguredCatalog catalog(Catalog discovered, SyncMode mode) {
        return new ConfiguredCatalog(discovered.streams().stream()
                .map(s -> ConfiguredStream.of(s, mode, List.of(), mode == SyncMode.INCREMENTAL
                        ? DestinationSyncMode.APPEND : DestinationSyncMode.OVERWRITE, List.of()))
                .toList());
    }

    static CollectingEmitter read(S3Source source, ObjectNode config, ConfiguredCatalog catalog, InputState state) {
        CollectingEmitter out = new CollectingEmitter();
        source.read(config, catalog, state, out);
        return out;
    }

    static AirbyteStream only(Catalog catalog) {
        return catalog.streams().getFirst();
    }
}
