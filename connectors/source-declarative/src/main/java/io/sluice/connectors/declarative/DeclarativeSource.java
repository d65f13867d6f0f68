package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.ControlMessage;
import java.net.http.HttpClient;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code source-declarative}: REST APIs described by Airbyte low-code (declarative) YAML
 * manifests. Each call loads the manifest from the config, resolves {@code $ref}s and
 * {@code $parameters}, builds the components and runs them; nothing is kept between calls.
 */
public final class DeclarativeSource implements Source {
    public static final String NAME = "source-declarative";
    private static final Logger LOG = LoggerFactory.getLogger(DeclarativeSource.class);

    private final HttpClient http;

    public DeclarativeSource() {
        this(RestClient.newHttpClient());
    }

    DeclarativeSource(HttpClient http) {
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorSpecification spec() {
        return DeclarativeSpec.specification();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        Scrubber scrubber = new Scrubber(List.of());
        try {
            SourceConfig loaded = SourceConfig.load(config);
            scrubber = new Scrubber(loaded.secretValues());
            LoadedSource source = LoadedSource.build(loaded, http, noPlatformToPersist("check"),
                    LoadedSource.CHECK_RETRY_BUDGET);
            scrubber = source.context().scrubber();
            Discovery.check(source);
            return ConnectionStatus.succeeded();
        } catch (ConnectorException e) {
            return ConnectionStatus.failed(scrubber.scrub(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("check failed unexpectedly: {}", scrubber.scrub(String.valueOf(e)));
            return ConnectionStatus.failed("Could not check the config: " + scrubber.scrub(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public Catalog discover(JsonNode config) {
        SourceConfig loaded = SourceConfig.load(config);
        LoadedSource source = LoadedSource.build(loaded, http, noPlatformToPersist("discover"),
                LoadedSource.CHECK_RETRY_BUDGET);
        try {
            return Discovery.catalog(source);
        } catch (ConnectorException e) {
            throw new ConnectorException(e.kind(), source.context().scrubber().scrub(e.getMessage()), null);
        }
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        SourceConfig loaded = SourceConfig.load(config);
        Consumer<ObjectNode> updates = updated -> out.control(
                ControlMessage.connectorConfig(updated, System.currentTimeMillis()));
        LoadedSource source = LoadedSource.build(loaded, http, updates);
        new StreamReader(source, out).read(catalog, state);
    }

    /** Check and discover have no output channel for a CONTROL message: the rotation is logged. */
    private static Consumer<ObjectNode> noPlatformToPersist(String call) {
        return updated -> LOG.warn("{}: the OAuth refresh token was rotated but {} cannot hand the new config to the "
                + "platform; the next read emits it", call, call);
    }
}
