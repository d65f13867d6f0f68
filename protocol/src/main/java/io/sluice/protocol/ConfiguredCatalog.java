package io.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The streams chosen for a sync ({@code ConfiguredAirbyteCatalog}). A stream's position in
 * {@link #streams()} is its index in the row data path.
 */
public record ConfiguredCatalog(@JsonProperty("streams") List<ConfiguredStream> streams) {
    public ConfiguredCatalog {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }
}
