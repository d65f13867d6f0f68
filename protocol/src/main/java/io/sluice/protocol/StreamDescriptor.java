package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** Names one stream: its name and, when the source has namespaces, its namespace. */
public record StreamDescriptor(
        @JsonProperty("name") String name, @JsonProperty("namespace") Optional<String> namespace) {

    public StreamDescriptor {
        requireNonNull(name, "name");
        namespace = namespace == null ? Optional.empty() : namespace;
    }

    public static StreamDescriptor of(String namespace, String name) {
        return new StreamDescriptor(name, Optional.ofNullable(namespace));
    }

    /** {@code namespace.name}, or just {@code name} without a namespace; for messages to people. */
    @Override
    public String toString() {
        return namespace.map(ns -> ns + "." + name).orElse(name);
    }
}
