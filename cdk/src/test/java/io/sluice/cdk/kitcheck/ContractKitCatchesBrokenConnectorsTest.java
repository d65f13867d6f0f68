package io.sluice.cdk.kitcheck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.Source;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.cdk.testkit.DestinationContractTest;
import io.sluice.cdk.testkit.InMemoryDestination;
import io.sluice.cdk.testkit.InMemorySource;
import io.sluice.cdk.testkit.SourceContractTest;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.TraceMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit must fail connectors that break the contract, not only pass good ones. */
class ContractKitCatchesBrokenConnectorsTest {

    @Test
    void sourceIgnoringItsStateFailsTheIncrementalTest() {
        SourceKit kit = new SourceKit(new ForwardingSource(new InMemorySource()) {
            @Override
            public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
                super.read(config, catalog, InputState.empty(), out);
            }
        });

        assertThatThrownBy(kit::incrementalReadResumesFromState).isInstanceOf(AssertionError.class)
                .hasMessageContaining("already read by the first");
    }

    @Test
    void sourceEmittingIntegersInsteadOfLongsFailsTheTypeTest() {
        Source widening = new ForwardingSource(new InMemorySource()) {
            @Override
            public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
                super.read(config, catalog, state, new ForwardingEmitter(out) {
                    @Override
                    public void record(int streamIndex, Object[] row) {
                        if (row[0] instanceof Long l) {
                            row[0] = l.intValue();
                        }
                        super.record(streamIndex, row);
                    }
                });
            }
        };

        assertThatThrownBy(new SourceKit(widening)::fullRefreshReadEmitsRowsOfTheSchema)
                .isInstanceOf(AssertionError.class).hasMessageContaining("java.lang.Integer");
    }

    @Test
    void destinationSwallowingAFailedInputFailsTheFailureTest() {
        InMemoryDestination.Store store = new InMemoryDestination.Store();
        Destination swallowing = new ForwardingDestination(new InMemoryDestination(store)) {
            @Override
            public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger ack) {
                try {
                    super.write(config, catalog, input, ack);
                } catch (RuntimeException ignored) {
                    // the bug under test: the failure is turned into "end of data"
                }
            }
        };

        assertThatThrownBy(new DestinationKit(swallowing, store)::aFailedSourceLeavesOnlyAcknowledgedRows)
                .isInstanceOf(AssertionError.class);
    }

    private static final class SourceKit extends SourceContractTest {
        private final Source source;

        SourceKit(Source source) {
            this.source = source;
        }

        @Override
        protected Source source() {
            return source;
        }

        @Override
        protected JsonNode validConfig() {
            return JsonNodeFactory.instance.objectNode().put("count", 4);
        }

        @Override
        protected List<JsonNode> invalidConfigs() {
            return List.of(JsonNodeFactory.instance.objectNode());
        }
    }

    private static final class DestinationKit extends DestinationContractTest {
        private final Destination destination;
        private final InMemoryDestination.Store store;

        DestinationKit(Destination destination, InMemoryDestination.Store store) {
            this.destination = destination;
            this.store = store;
        }

        @Override
        protected Destination destination() {
            return destination;
        }

        @Override
        protected JsonNode validConfig() {
            return JsonNodeFactory.instance.objectNode().put("location", "here");
        }

        @Override
        protected List<JsonNode> invalidConfigs() {
            return List.of(JsonNodeFactory.instance.objectNode());
        }

        @Override
        protected List<Map<String, Object>> readBack(JsonNode config, String namespace, String streamName) {
            return store.table("here", namespace, streamName);
        }
    }

    private static class ForwardingSource implements Source {
        private final Source delegate;

        ForwardingSource(Source delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public ConnectorSpecification spec() {
            return delegate.spec();
        }

        @Override
        public ConnectionStatus check(JsonNode config) {
            return delegate.check(config);
        }

        @Override
        public Catalog discover(JsonNode config) {
            return delegate.discover(config);
        }

        @Override
        public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
            delegate.read(config, catalog, state, out);
        }
    }

    private static class ForwardingDestination implements Destination {
        private final Destination delegate;

        ForwardingDestination(Destination delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public ConnectorSpecification spec() {
            return delegate.spec();
        }

        @Override
        public ConnectionStatus check(JsonNode config) {
            return delegate.check(config);
        }

        @Override
        public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger ack) {
            delegate.write(config, catalog, input, ack);
        }
    }

    private static class ForwardingEmitter implements Emitter {
        private final Emitter delegate;

        ForwardingEmitter(Emitter delegate) {
            this.delegate = delegate;
        }

        @Override
        public void record(int streamIndex, Object[] row) {
            delegate.record(streamIndex, row);
        }

        @Override
        public void state(StateMessage state) {
            delegate.state(state);
        }

        @Override
        public void log(LogMessage.Level level, String message) {
            delegate.log(level, message);
        }

        @Override
        public void trace(TraceMessage trace) {
            delegate.trace(trace);
        }
    }
}
