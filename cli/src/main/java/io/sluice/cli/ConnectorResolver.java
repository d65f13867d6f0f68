package io.sluice.cli;

import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.engine.ExternalDestination;
import io.sluice.engine.ExternalSource;
import io.sluice.protocol.ConnectorSpecification;
import java.util.ArrayList;
import java.util.List;

/** Finds the connectors a pipeline names and checks their configs against their specs. */
final class ConnectorResolver {
    private final ConnectorRegistry registry;

    ConnectorResolver(ConnectorRegistry registry) {
        this.registry = registry;
    }

    Source source(Pipeline.ConnectorRef ref) {
        if (ref.connector().isEmpty()) {
            return new ExternalSource(ref.label(), ref.command());
        }
        return registry.source(ref.connector().get()).orElseThrow(() -> new PipelineException("source.connector",
                "no source named '" + ref.connector().get() + "'; built-in sources: "
                        + String.join(", ", registry.sourceNames())));
    }

    Destination destination(Pipeline.ConnectorRef ref) {
        if (ref.connector().isEmpty()) {
            return new ExternalDestination(ref.label(), ref.command());
        }
        return registry.destination(ref.connector().get()).orElseThrow(() -> new PipelineException(
                "destination.connector", "no destination named '" + ref.connector().get()
                        + "'; built-in destinations: " + String.join(", ", registry.destinationNames())));
    }

    /** Every way the config breaks the spec, with fields prefixed by where they sit in the pipeline. */
    static void validate(ConnectorSpecification spec, Pipeline.ConnectorRef ref, String side) {
        List<ConfigError> errors = new ArrayList<>();
        for (ConfigError e : ConfigValidator.validate(spec.connectionSpecification(), ref.config())) {
            errors.add(new ConfigError(side + ".config." + e.field(), e.problem()));
        }
        if (!errors.isEmpty()) {
            throw new PipelineException(errors);
        }
    }
}
