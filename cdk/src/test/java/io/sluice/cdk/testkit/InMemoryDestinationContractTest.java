package io.sluice.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.Destination;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs the destination contract against {@link InMemoryDestination}, which also proves the kit runs. */
class InMemoryDestinationContractTest extends DestinationContractTest {
    private final InMemoryDestination.Store store = new InMemoryDestination.Store();
    private final String location = UUID.randomUUID().toString();

    @Override
    protected Destination destination() {
        return new InMemoryDestination(store);
    }

    @Override
    protected JsonNode validConfig() {
        return JsonNodeFactory.instance.objectNode().put("location", location);
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        return List.of(
                JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode().put("location", 5),
                JsonNodeFactory.instance.objectNode().put("location", ""));
    }

    @Override
    protected List<Map<String, Object>> readBack(JsonNode config, String namespace, String streamName) {
        return store.table(config.get("location").asText(), namespace, streamName);
    }
}
