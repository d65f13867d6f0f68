package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.sluice.cdk.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A part of a resolved manifest and where it sits in the YAML ({@code streams[0].retriever.requester}),
 * so that every problem found while building components names its place.
 */
record ManifestNode(JsonNode node, String path) {

    ManifestNode {
        requireNonNull(node, "node");
        requireNonNull(path, "path");
    }

    static ManifestNode root(JsonNode manifest) {
        return new ManifestNode(manifest, "");
    }

    /** The field, possibly missing ({@link #present()} false). */
    ManifestNode field(String name) {
        JsonNode child = node.get(name);
        return new ManifestNode(child == null ? MissingNode.getInstance() : child, join(path, name));
    }

    Optional<ManifestNode> optional(String name) {
        ManifestNode child = field(name);
        return child.present() ? Optional.of(child) : Optional.empty();
    }

    ManifestNode required(String name) {
        ManifestNode child = field(name);
        if (!child.present()) {
            throw at(child.path, "is required");
        }
        return child;
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** The component type ({@code type: HttpRequester}); empty for plain values. */
    String type() {
        return node.path("type").asText("");
    }

    String text(String name) {
        ManifestNode child = required(name);
        if (!child.node.isValueNode()) {
            throw at(child.path, "must be a string");
        }
        return child.node.asText();
    }

    Optional<String> optionalText(String name) {
        ManifestNode child = field(name);
        return child.present() ? Optional.of(child.node.isValueNode() ? child.node.asText() : child.node.toString())
                : Optional.empty();
    }

    String text(String name, String fallback) {
        return optionalText(name).orElse(fallback);
    }

    int integer(String name, int fallback) {
        ManifestNode child = field(name);
        if (!child.present()) {
            return fallback;
        }
        if (!child.node.canConvertToInt() && !child.node.isTextual()) {
            throw at(child.path, "must be an integer");
        }
        try {
            return child.node.isTextual() ? Integer.parseInt(child.node.asText().strip()) : child.node.asInt();
        } catch (NumberFormatException e) {
            throw at(child.path, "must be an integer");
        }
    }

    boolean bool(String name, boolean fallback) {
        ManifestNode child = field(name);
        return child.present() ? child.node.asBoolean(fallback) : fallback;
    }

    /** The elements of a list field; empty when absent. */
    List<ManifestNode> elements(String name) {
        ManifestNode child = field(name);
        if (!child.present()) {
            return List.of();
        }
        if (!child.node.isArray()) {
            throw at(child.path, "must be a list");
        }
        List<ManifestNode> elements = new ArrayList<>();
        for (int i = 0; i < child.node.size(); i++) {
            elements.add(new ManifestNode(child.node.get(i), child.path + "[" + i + "]"));
        }
        return elements;
    }

    /** The elements of this node, which must be a list. */
    List<ManifestNode> items() {
        if (!node.isArray()) {
            throw error("must be a list");
        }
        List<ManifestNode> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            elements.add(new ManifestNode(node.get(i), path + "[" + i + "]"));
        }
        return elements;
    }

    /** A CONFIG failure naming this place in the manifest. */
    ConnectorException error(String problem) {
        return at(path, problem);
    }

    static ConnectorException at(String path, String problem) {
        return ConnectorException.config("Manifest error at " + (path.isEmpty() ? "the top level" : path) + ": "
                + problem);
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
