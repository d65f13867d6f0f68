package io.sluice.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a connection writes each stream: as Airbyte's {@code namespaceDefinition}. */
public enum NamespaceDefinition {
    /** Keep the namespace (schema) the source gives the stream. */
    SOURCE("source"),
    /** Use the destination's default namespace (its configured schema). */
    DESTINATION("destination"),
    /** A format such as {@code production_${SOURCE_NAMESPACE}}. */
    CUSTOM_FORMAT("customformat");

    private final String wire;

    NamespaceDefinition(String wire) {
        this.wire = wire;
    }

    /** The value on the wire in Airbyte's API. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Reads a wire value ({@code "customformat"}) or an enum name ({@code "CUSTOM_FORMAT"}). */
    @JsonCreator
    public static NamespaceDefinition fromWire(String value) {
        for (NamespaceDefinition d : values()) {
            if (d.wire.equalsIgnoreCase(value) || d.name().equalsIgnoreCase(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown namespace definition '" + value
                + "', expected one of source, destination, customformat");
    }

    @Override
    public String toString() {
        return wire.toLowerCase(Locale.ROOT);
    }
}
