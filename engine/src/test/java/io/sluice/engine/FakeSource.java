package io.sluice.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import java.util.concurrent.atomic.AtomicReference;

/** A source whose read is a lambda; it remembers the state and config it was started with. */
final class FakeSource implements Source {

    @FunctionalInterface
    interface Body {
        void read(ConfiguredCatalog catalog, InputState state, Emitter out) throws Exception;
    }

    private final Body body;
    final AtomicReference<InputState> startedWith = new AtomicReference<>();
    final AtomicReference<Throwable> endedWith = new AtomicReference<>();
    final AtomicReference<JsonNode> configSeen = new AtomicReference<>();

    FakeSource(Body body) {
        this.body = body;
    }

    @Override
    public String name() {
        return "source-fake";
    }

    @Override
    public ConnectorSpecification spec() {
        return ConnectorSpecification.ofSource(null, JsonNodeFactory.instance.objectNode(), true);
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        return ConnectionStatus.succeeded();
    }

    @Override
    public Catalog discover(JsonNode config) {
        return new Catalog(java.util.List.of());
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        startedWith.set(state);
        configSeen.set(config);
        try {
            body.read(catalog, state, out);
        } catch (RuntimeException e) {
            endedWith.set(e);
            throw e;
        } catch (Exception e) {
            endedWith.set(e);
            throw new IllegalStateException(e);
        }
    }
}
