package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Source;
import io.sluice.cdk.testkit.SourceContractTest;
import java.util.List;

/** source-faker against the contract every source passes; the second read brings 50 new users. */
class FakerSourceContractTest extends SourceContractTest {

    @Override
    protected Source source() {
        return new FakerSource();
    }

    @Override
    protected JsonNode validConfig() {
        return FakerReads.config(200, 42, 50, false);
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return List.of(
                json.objectNode().put("count", 0),
                json.objectNode().put("count", "many"),
                json.objectNode().put("records_per_slice", -3),
                json.objectNode().put("always_updated", "sometimes"),
                json.objectNode().put("seed", 0.5),
                json.arrayNode());
    }

    @Override
    protected JsonNode configForSecondIncrementalRead(JsonNode first) {
        return ((ObjectNode) first.deepCopy()).put("count", first.get("count").asLong() + 50);
    }

    @Override
    protected boolean expectsNewRecordsOnSecondIncrementalRead() {
        return true;
    }
}
