package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: configs around YAML manifests, and reads that give records back as JSON. */
final class Manifests {
    private Manifests() {}

    /** A config with the manifest inline, plus the given spec fields (JSON object text). */
    static ObjectNode config(String manifestYaml, String fieldsJson) {
        try {
            ObjectNode config = (ObjectNode) MessageCodec.mapper().readTree(fieldsJson);
            config.set(SourceConfig.INJECTED, SourceConfig.parseYaml(manifestYaml, "test manifest"));
            return config;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ObjectNode config(String manifestYaml) {
        return config(manifestYaml, "{}");
    }

    static ConfiguredCatalog catalog(List<AirbyteStream> streams, SyncMode mode) {
        return new ConfiguredCatalog(streams.stream().map(s -> ConfiguredStream.of(s,
                mode == SyncMode.INCREMENTAL && s.supportedSyncModes().contains(SyncMode.INCREMENTAL)
                        ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH,
                List.of(), DestinationSyncMode.APPEND, s.sourceDefinedPrimaryKey())).toList());
    }

    /** A finished read: what the emitter collected, with records as JSON per stream. */
    record Read(CollectingEmitter out, ConfiguredCatalog catalog) {
        List<JsonNode> records(String stream) {
            for (int i = 0; i < catalog.streams().size(); i++) {
                if (catalog.streams().get(i).stream().name().equals(stream)) {
                    RowSchema schema = RowSchema.of(catalog.streams().get(i).stream().jsonSchema());
                    List<JsonNode> json = new ArrayList<>();
                    out.rows(i).forEach(row -> json.add(RowJson.toJson(schema, row)));
                    return json;
                }
            }
            throw new IllegalArgumentException("no stream " + stream);
        }

        List<String> ids(String stream) {
            return records(stream).stream().map(r -> r.path("id").asText()).toList();
        }

        InputState state() {
            return out.toInputState();
        }
    }

    static Read read(JsonNode config, SyncMode mode, InputState state) {
        DeclarativeSource source = new DeclarativeSource();
        ConfiguredCatalog catalog = catalog(source.discover(config).streams(), mode);
        CollectingEmitter out = new CollectingEmitter();
        source.read(config, catalog, state, out);
        return new Read(out, catalog);
    }

    static Read read(JsonNode config) {
        return read(config, SyncMode.FULL_REFRESH, InputState.empty());
    }
}
