package io.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a source reads a stream; lower-case on the wire. */
public enum SyncMode {
    FULL_REFRESH("full_refresh"),
    INCREMENTAL("incremental");

    private final String wire;

    SyncMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
