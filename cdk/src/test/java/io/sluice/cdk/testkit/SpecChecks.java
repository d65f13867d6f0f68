package io.sluice.cdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import java.util.List;
import java.util.function.Function;

/** Assertions shared by the source and destination contract tests. */
final class SpecChecks {
    private static final Schema DRAFT_7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));

    private SpecChecks() {}

    /** The config schema is a valid draft-07 JSON schema describing an object. */
    static void assertValidSpec(ConnectorSpecification spec) {
        ObjectNode schema = spec.connectionSpecification();
        List<com.networknt.schema.Error> problems = DRAFT_7.validate(schema.toString(), InputFormat.JSON);
        assertThat(problems).as("connectionSpecification against the draft-07 meta-schema").isEmpty();
        assertThat(schema.path("type").asText()).as("connectionSpecification.type").isEqualTo("object");
    }

    static void assertConfigMatchesSpec(ConnectorSpecification spec, JsonNode config) {
        List<ConfigError> errors = ConfigValidator.validate(spec.connectionSpecification(), config);
        assertThat(errors).as("validConfig() checked against the spec").isEmpty();
    }

    static void assertCheckSucceeds(Function<JsonNode, ConnectionStatus> check, JsonNode config) {
        ConnectionStatus status = check.apply(config);
        assertThat(status.status())
                .as("check(validConfig()) returned: %s", status.message().orElse("(no message)"))
                .isEqualTo(ConnectionStatus.Status.SUCCEEDED);
    }

    static void assertCheckFailsCleanly(Function<JsonNode, ConnectionStatus> check, List<JsonNode> configs) {
        assertThat(configs).as("invalidConfigs()").isNotEmpty();
        for (int i = 0; i < configs.size(); i++) {
            ConnectionStatus status;
            try {
                status = check.apply(configs.get(i));
            } catch (RuntimeException | Error e) {
                fail("check(invalidConfigs()[" + i + "]) threw instead of returning FAILED", e);
                return;
            }
            assertThat(status.status()).as("check(invalidConfigs()[%d])", i).isEqualTo(ConnectionStatus.Status.FAILED);
            assertThat(status.message()).as("check(invalidConfigs()[%d]).message", i)
                    .hasValueSatisfying(m -> assertThat(m).isNotBlank());
        }
    }
}
