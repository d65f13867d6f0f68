package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.StreamDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection's namespace rules: where each source stream lands in the destination, and the
 * prefix put before every stream name. Applying it keeps stream order, so a stream's index is the
 * same on both sides of a sync.
 *
 * @param format for {@link NamespaceDefinition#CUSTOM_FORMAT}: the namespace, where
 *     {@code ${SOURCE_NAMESPACE}} stands for the source's namespace; ignored otherwise
 * @param prefix put before every stream name; empty for none
 */
public record NamespaceMapping(NamespaceDefinition definition, String format, String prefix) {
    public static final String SOURCE_NAMESPACE = "${SOURCE_NAMESPACE}";

    public NamespaceMapping {
        requireNonNull(definition, "definition");
        format = format == null ? "" : format;
        prefix = prefix == null ? "" : prefix;
        if (definition == NamespaceDefinition.CUSTOM_FORMAT && format.isBlank()) {
            throw new IllegalArgumentException("a custom namespace format must not be blank");
        }
    }

    /** Source namespaces, no prefix: Airbyte's default. */
    public static NamespaceMapping sourceDefault() {
        return new NamespaceMapping(NamespaceDefinition.SOURCE, "", "");
    }

    /** The catalog the destination writes: each stream renamed, in the same order. */
    public ConfiguredCatalog apply(ConfiguredCatalog sourceCatalog) {
        List<ConfiguredStream> streams = sourceCatalog.streams().stream()
                .map(s -> s.withStream(rename(s.stream())))
                .toList();
        Map<StreamDescriptor, StreamDescriptor> seen = new HashMap<>();
        for (int i = 0; i < streams.size(); i++) {
            StreamDescriptor target = streams.get(i).descriptor();
            StreamDescriptor source = sourceCatalog.streams().get(i).descriptor();
            StreamDescriptor other = seen.putIfAbsent(target, source);
            if (other != null) {
                throw ConnectorException.config("streams '" + other + "' and '" + source
                        + "' would both be written to '" + target + "'; select each stream once, or use a namespace "
                        + "definition or prefix that keeps them apart");
            }
        }
        return new ConfiguredCatalog(streams);
    }

    private AirbyteStream rename(AirbyteStream stream) {
        return stream.renamed(namespaceFor(stream.namespace()), prefix + stream.name());
    }

    /** The destination namespace of a stream with this source namespace; empty = destination default. */
    public Optional<String> namespaceFor(Optional<String> sourceNamespace) {
        return switch (definition) {
            case SOURCE -> sourceNamespace;
            case DESTINATION -> Optional.empty();
            case CUSTOM_FORMAT -> {
                String namespace = format.replace(SOURCE_NAMESPACE, sourceNamespace.orElse("")).strip();
                yield namespace.isEmpty() ? Optional.empty() : Optional.of(namespace);
            }
        };
    }
}
