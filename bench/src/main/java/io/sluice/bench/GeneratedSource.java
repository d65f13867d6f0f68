package io.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import java.util.List;

/** Emits {@code rows} rows of {@link GeneratedRows} in one stream, with a state every 100,000. */
final class GeneratedSource implements Source {
    private static final int STATE_EVERY = 100_000;

    @Override
    public String name() {
        return "bench-generated";
    }

    @Override
    public ConnectorSpecification spec() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject("rows").put("type", "integer");
        return ConnectorSpecification.ofSource(null, schema, false);
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        return ConnectionStatus.succeeded();
    }

    @Override
    public Catalog discover(JsonNode config) {
        return new Catalog(List.of(AirbyteStream.of(null, "events", GeneratedRows.SCHEMA, List.of(), List.of(List.of("id")))));
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        long rows = config.path("rows").asLong();
        StreamDescriptor stream = catalog.streams().get(0).descriptor();
        for (long id = 1; id <= rows; id++) {
            out.record(0, GeneratedRows.row(id));
            if (id % STATE_EVERY == 0 || id == rows) {
                out.state(StateMessage.ofStream(stream, JsonNodeFactory.instance.objectNode().put("id", id)));
            }
        }
    }
}
