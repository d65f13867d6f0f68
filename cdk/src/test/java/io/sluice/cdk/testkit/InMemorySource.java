package io.sluice.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.Source;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A tiny source for tests: stream {@code numbers} ({@code id} 1..count, incremental on {@code id})
 * and stream {@code letters} (a, b, c; full refresh only). Config: {@code {"count": n}}.
 */
public final class InMemorySource implements Source {
    private static final ObjectNode SPEC_SCHEMA = specSchema();
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    @Override
    public String name() {
        return "source-in-memory";
    }

    @Override
    public ConnectorSpecification spec() {
        return ConnectorSpecification.ofSource(null, SPEC_SCHEMA.deepCopy(), true);
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        List<ConfigError> errors = ConfigValidator.validate(SPEC_SCHEMA, config);
        return errors.isEmpty()
                ? ConnectionStatus.succeeded()
                : ConnectionStatus.failed(errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
    }

    @Override
    public Catalog discover(JsonNode config) {
        requireValid(config);
        return new Catalog(List.of(
                AirbyteStream.of(null, "numbers", new RowSchema.JsonSchemaBuilder()
                        .property("id", ValueType.INTEGER)
                        .property("label", ValueType.STRING)
                        .property("at", ValueType.TIMESTAMP_TZ)
                        .build(), List.of("id"), List.of(List.of("id"))),
                AirbyteStream.of(null, "letters", new RowSchema.JsonSchemaBuilder()
                        .property("letter", ValueType.STRING)
                        .build(), List.of(), List.of())));
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        requireValid(config);
        long count = config.get("count").asLong();
        for (int index = 0; index < catalog.streams().size(); index++) {
            ConfiguredStream stream = catalog.streams().get(index);
            switch (stream.stream().name()) {
                case "numbers" -> readNumbers(index, stream, count, state, out);
                case "letters" -> readLetters(index, out);
                default -> throw ConnectorException.config("no stream named " + stream.stream().name());
            }
        }
    }

    private static void readLetters(int index, Emitter out) {
        for (String letter : List.of("a", "b", "c")) {
            out.record(index, new Object[] {letter});
        }
    }

    private static void readNumbers(int index, ConfiguredStream stream, long count, InputState state, Emitter out) {
        long after = stream.syncMode() == SyncMode.INCREMENTAL
                ? state.streamState(stream.descriptor()).map(s -> s.path("id").asLong()).orElse(0L)
                : 0L;
        for (long id = after + 1; id <= count; id++) {
            out.record(index, new Object[] {id, "number " + id, EPOCH.plusSeconds(id)});
        }
        if (stream.syncMode() == SyncMode.INCREMENTAL) {
            out.state(StateMessage.ofStream(stream.descriptor(),
                    JsonNodeFactory.instance.objectNode().put("id", Math.max(after, count))));
        }
    }

    private static void requireValid(JsonNode config) {
        List<ConfigError> errors = ConfigValidator.validate(SPEC_SCHEMA, config);
        if (!errors.isEmpty()) {
            throw ConnectorException.config(errors.getFirst().toString());
        }
    }

    private static ObjectNode specSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        schema.putArray("required").add("count");
        ObjectNode count = schema.putObject("properties").putObject("count");
        count.put("type", "integer").put("minimum", 0).put("title", "Count");
        return schema;
    }
}
