package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.protocol.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResourceRequirementsTest {
    private static JsonNode json(String text) throws Exception {
        return MessageCodec.mapper().readTree(text);
    }

    @Test
    void readsAirbytesShape() throws Exception {
        List<ConfigError> errors = new ArrayList<>();

        ResourceRequirements read = ResourceRequirements.read(json(
                "{\"cpu_request\": \"0.25\", \"cpu_limit\": \"1.0\", \"memory_request\": \"256Mi\","
                        + " \"memory_limit\": \"1Gi\"}"), "resourceRequirements", errors);

        assertThat(errors).isEmpty();
        assertThat(read).isEqualTo(new ResourceRequirements(OptionalDouble.of(0.25), OptionalDouble.of(1.0),
                OptionalLong.of(256L << 20), OptionalLong.of(1L << 30)));
        assertThat(read.limits()).isTrue();
    }

    @Test
    void blankAndMissingFieldsAreUnsetAndNumbersAreAccepted() throws Exception {
        List<ConfigError> errors = new ArrayList<>();

        ResourceRequirements read = ResourceRequirements.read(json("{\"cpu_limit\": 0.5, \"memory_limit\": \"\"}"),
                "r", errors);

        assertThat(errors).isEmpty();
        assertThat(read.cpuLimit()).hasValue(0.5);
        assertThat(read.memoryLimit()).isEmpty();
        assertThat(ResourceRequirements.read(null, "r", errors)).isEqualTo(ResourceRequirements.NONE);
        assertThat(ResourceRequirements.NONE.limits()).isFalse();
    }

    @Test
    void eachBadFieldIsReportedByItsPath() throws Exception {
        List<ConfigError> errors = new ArrayList<>();

        ResourceRequirements.read(json("{\"cpu_limit\": \"fast\", \"memory_limit\": \"512MB\", \"memory_request\":"
                + " true, \"disk_limit\": \"1Gi\"}"), "resourceRequirements", errors);

        assertThat(errors).extracting(ConfigError::field).containsExactlyInAnyOrder("resourceRequirements.disk_limit",
                "resourceRequirements.cpu_limit", "resourceRequirements.memory_limit",
                "resourceRequirements.memory_request");
        assertThat(errors).filteredOn(e -> e.field().endsWith("memory_limit")).extracting(ConfigError::problem)
                .containsExactly("must be a memory size such as \"512Mi\", \"1Gi\" or \"500M\" (got \"512MB\")");
    }

    @Test
    void aConnectionsValuesOverrideTheWorkspacesFieldByField() throws Exception {
        List<ConfigError> errors = new ArrayList<>();
        ResourceRequirements workspace = ResourceRequirements.read(json(
                "{\"cpu_limit\": \"1\", \"memory_limit\": \"1Gi\"}"), "w", errors);
        ResourceRequirements connection = ResourceRequirements.read(json("{\"memory_limit\": \"2Gi\"}"), "c", errors);

        ResourceRequirements effective = connection.orElse(workspace);

        assertThat(effective.cpuLimit()).hasValue(1.0);
        assertThat(effective.memoryLimit()).hasValue(2L << 30);
        assertThat(effective.cpuRequest()).isEmpty();
    }
}
