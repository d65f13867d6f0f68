package io.sluice.cdk.kitcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.Source;
import io.sluice.cdk.testkit.InMemorySource;
import io.sluice.cdk.testkit.SourceContractTest;
import java.util.List;

/** The kit as a connector module uses it: extended from another package. */
class OtherPackageSourceContractTest extends SourceContractTest {
    @Override
    protected Source source() {
        return new InMemorySource();
    }

    @Override
    protected JsonNode validConfig() {
        return JsonNodeFactory.instance.objectNode().put("count", 3);
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        return List.of(JsonNodeFactory.instance.objectNode());
    }
}
