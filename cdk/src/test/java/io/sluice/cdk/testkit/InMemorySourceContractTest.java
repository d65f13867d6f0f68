package io.sluice.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Source;
import java.util.List;

/** Runs the source contract against {@link InMemorySource}, which also proves the kit runs. */
class InMemorySourceContractTest extends SourceContractTest {

    @Override
    protected Source source() {
        return new InMemorySource();
    }

    @Override
    protected JsonNode validConfig() {
        return JsonNodeFactory.instance.objectNode().put("count", 10);
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        return List.of(
                JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode().put("count", "ten"),
                JsonNodeFactory.instance.objectNode().put("count", -1));
    }

    @Override
    protected JsonNode configForSecondIncrementalRead(JsonNode first) {
        return ((ObjectNode) first.deepCopy()).put("count", first.get("count").asInt() + 5);
    }

    @Override
    protected boolean expectsNewRecordsOnSecondIncrementalRead() {
        return true;
    }
}
