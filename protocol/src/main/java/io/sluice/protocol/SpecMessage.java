package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

/** A SPEC: the connector's answer to {@code spec}. */
public record SpecMessage(ConnectorSpecification spec) implements Message {
    public SpecMessage {
        requireNonNull(spec, "spec");
    }
}
