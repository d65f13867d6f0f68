package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON files of the Airbyte command line: config, configured catalog, state. */
final class JsonFiles {
    private JsonFiles() {}

    static JsonNode read(Path file, String what) {
        try {
            return MessageCodec.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new PipelineException(what, "cannot read " + file + ": " + e.getMessage());
        }
    }

    static ConfiguredCatalog catalog(Path file) {
        try {
            return MessageCodec.mapper().treeToValue(read(file, "--catalog"), ConfiguredCatalog.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new PipelineException("--catalog", "not a configured catalog: " + e.getMessage());
        }
    }

    /**
     * A state file: a JSON array of state messages (per-stream or global), a single state message, or
     * an old-style state blob (taken as LEGACY).
     */
    static InputState state(Path file) {
        JsonNode node = read(file, "--state");
        try {
            List<StateMessage> messages = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode m : node) {
                    messages.add(MessageCodec.mapper().treeToValue(m, StateMessage.class));
                }
            } else if (node.has("type") && (node.has("stream") || node.has("global") || node.has("data"))) {
                messages.add(MessageCodec.mapper().treeToValue(node, StateMessage.class));
            } else if (!node.isNull() && !node.isEmpty()) {
                messages.add(StateMessage.ofLegacy(node));
            }
            return new InputState(messages);
        } catch (IOException | IllegalArgumentException e) {
            throw new PipelineException("--state", "not a state file: " + e.getMessage());
        }
    }
}
