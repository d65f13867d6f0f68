package io.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What a source offers ({@code AirbyteCatalog}). */
public record Catalog(@JsonProperty("streams") List<AirbyteStream> streams) {
    public Catalog {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }
}
