package io.sluice.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.testkit.InMemorySource;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorRegistryTest {

    /** A destination with the no-argument constructor ServiceLoader needs. */
    public static final class NullDestination implements Destination {
        @Override
        public String name() {
            return "destination-null";
        }

        @Override
        public ConnectorSpecification spec() {
            return ConnectorSpecification.ofDestination(null, JsonNodeFactory.instance.objectNode().put("type", "object"),
                    List.of(), false);
        }

        @Override
        public ConnectionStatus check(JsonNode config) {
            return ConnectionStatus.succeeded();
        }

        @Override
        public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger) {
            while (input.next().isPresent()) {
                // discard
            }
        }
    }

    /** Service files written for this test only, so they do not ship in cdk's test-jar. */
    private static ClassLoader withServiceFiles(Path dir, String sources, String destinations) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(Source.class.getName()), sources);
        Files.writeString(services.resolve(Destination.class.getName()), destinations);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ConnectorRegistryTest.class.getClassLoader());
    }

    @Test
    void findsConnectorsThroughServiceLoader(@TempDir Path dir) throws Exception {
        ClassLoader loader = withServiceFiles(dir,
                "# built-in sources\n" + InMemorySource.class.getName() + "\n",
                NullDestination.class.getName() + "\n");

        ConnectorRegistry registry = ConnectorRegistry.load(loader);

        assertThat(registry.sourceNames()).containsExactly("source-in-memory");
        assertThat(registry.destinationNames()).containsExactly("destination-null");
        assertThat(registry.source("source-in-memory")).get().isInstanceOf(InMemorySource.class);
        assertThat(registry.destination("destination-null")).get().isInstanceOf(NullDestination.class);
        assertThat(registry.source("source-nope")).isEmpty();
        assertThat(registry.destination("source-in-memory")).isEmpty();
    }

    @Test
    void acceptsAirbyteImageNames(@TempDir Path dir) throws Exception {
        ConnectorRegistry registry = ConnectorRegistry.load(withServiceFiles(dir,
                InMemorySource.class.getName(), NullDestination.class.getName()));

        assertThat(registry.source("airbyte/source-in-memory")).isPresent();
        assertThat(registry.source("airbyte/source-in-memory:6.2.1")).isPresent();
        assertThat(registry.source("docker.io/airbyte/source-in-memory:latest")).isPresent();
        assertThat(registry.destination("airbyte/destination-null:0.1.0")).isPresent();
        assertThat(registry.source("other/source-in-memory")).isEmpty();
    }

    @Test
    void canonicalNames() {
        assertThat(ConnectorRegistry.canonicalName("airbyte/source-faker")).isEqualTo("source-faker");
        assertThat(ConnectorRegistry.canonicalName("airbyte/source-faker:6.2.1")).isEqualTo("source-faker");
        assertThat(ConnectorRegistry.canonicalName(" source-faker ")).isEqualTo("source-faker");
        assertThat(ConnectorRegistry.canonicalName("localhost:5000/airbyte/source-faker:1")).isEqualTo("source-faker");
        assertThat(ConnectorRegistry.canonicalName("airbyte/source-faker@sha256:abc")).isEqualTo("source-faker");
    }

    @Test
    void skipsAProviderThatCannotLoad(@TempDir Path dir) throws Exception {
        ConnectorRegistry registry = ConnectorRegistry.load(withServiceFiles(dir,
                "io.sluice.NoSuchSource\n" + InMemorySource.class.getName() + "\n", ""));

        assertThat(registry.sourceNames()).containsExactly("source-in-memory");
        assertThat(registry.destinationNames()).isEmpty();
    }

    @Test
    void firstOfTwoWithOneNameWins() {
        InMemorySource first = new InMemorySource();

        ConnectorRegistry registry = ConnectorRegistry.of(List.of(first, new InMemorySource()), List.of());

        assertThat(registry.source("source-in-memory")).containsSame(first);
    }

    @Test
    void defaultLoadSeesNoTestConnectors() {
        assertThat(ConnectorRegistry.load().sourceNames()).doesNotContain("source-in-memory");
    }
}
