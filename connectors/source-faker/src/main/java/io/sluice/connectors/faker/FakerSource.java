package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.SyncMode;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code source-faker}: deterministic sample data in three streams, {@code users},
 * {@code products} and {@code purchases}, in the spirit of Airbyte's "Sample Data (Faker)". The
 * same seed and count give the same rows; rows are generated one at a time, so memory stays flat
 * whatever the count.
 */
public final class FakerSource implements Source {
    public static final String NAME = "source-faker";
    private static final Logger LOG = LoggerFactory.getLogger(FakerSource.class);

    private final List<FakerStream> streams = FakerStream.all();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorSpecification spec() {
        return FakerSpec.specification();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        try {
            List<ConfigError> problems = FakerConfig.validate(config);
            return problems.isEmpty()
                    ? ConnectionStatus.succeeded()
                    : ConnectionStatus.failed(FakerConfig.describe(problems));
        } catch (RuntimeException e) {
            LOG.warn("check failed unexpectedly", e);
            return ConnectionStatus.failed("Could not check the config: " + e.getMessage());
        }
    }

    @Override
    public Catalog discover(JsonNode config) {
        FakerConfig.from(config);
        return new Catalog(streams.stream().map(FakerStream::airbyteStream).toList());
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        FakerConfig faker = FakerConfig.from(config);
        long seed = faker.seedForRead();
        List<ConfiguredStream> configured = catalog.streams();
        for (int index = 0; index < configured.size(); index++) {
            ConfiguredStream selected = configured.get(index);
            FakerStream stream = stream(selected.stream().name());
            Optional<StreamPosition> position = selected.syncMode() == SyncMode.INCREMENTAL
                    ? state.streamState(selected.descriptor())
                            .map(json -> StreamPosition.fromJson(stream.name(), json))
                    : Optional.empty();
            ReadRequest request = new ReadRequest(seed, faker.count(), faker.alwaysUpdated(), position);
            StreamOutput output = new StreamOutput(out, index, selected.descriptor(),
                    RowProjection.between(stream.rowSchema(), selected.stream().jsonSchema()),
                    faker.recordsPerSlice());
            stream.read(request, output);
            LOG.info("stream {}: emitted {} records", stream.name(), output.rowsEmitted());
        }
    }

    private FakerStream stream(String name) {
        return streams.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ConnectorException.config("source-faker has no stream named '" + name
                        + "'; it offers users, products and purchases"));
    }
}
