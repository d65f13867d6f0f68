package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names one stream: its name and, when the source has namespaces, its namespace. Unknown JSON
 * fields are kept for writing back but are not part of its identity: equality and hash code
 * use the name and namespace only, so descriptors work as map keys whatever a connector added.
 */
public record StreamDescriptor(
        @JsonProperty("name") String name,
        @JsonProperty("namespace") Optional<String> namespace,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public StreamDescriptor {
        requireNonNull(name, "name");
        namespace = namespace == null ? Optional.empty() : namespace;
        unknownFields = Unknown.copy(unknownFields);
    }

    public StreamDescriptor(String name, Optional<String> namespace) {
        this(name, namespace, Map.of());
    }

    public static StreamDescriptor of(String namespace, String name) {
        return new StreamDescriptor(name, Optional.ofNullable(namespace));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamDescriptor d && name.equals(d.name) && namespace.equals(d.namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace);
    }

    /** {@code namespace.name}, or just {@code name} without a namespace; for messages to people. */
    @Override
    public String toString() {
        return namespace.map(ns -> ns + "." + name).orElse(name);
    }
}
