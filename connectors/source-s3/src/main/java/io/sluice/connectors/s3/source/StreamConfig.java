package io.sluice.connectors.s3.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.connectors.files.ReadOptions;
import java.util.List;
import java.util.Optional;

/**
 * One configured stream: the files matching its globs, read in one format.
 *
 * @param inputSchema the stream's JSON schema from {@code input_schema}, without the file columns
 * @param schemaFiles how many recent files are sampled to infer the schema
 */
record StreamConfig(String name, List<Globs> globs, ReadOptions readOptions, Optional<ObjectNode> inputSchema,
        int schemaFiles) {

    StreamConfig {
        requireNonNull(name, "name");
        globs = List.copyOf(globs);
        requireNonNull(readOptions, "readOptions");
        requireNonNull(inputSchema, "inputSchema");
    }

    boolean matches(String key) {
        return globs.stream().anyMatch(g -> g.matches(key));
    }
}
