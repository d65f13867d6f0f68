package io.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a destination writes a stream; lower-case on the wire. */
public enum DestinationSyncMode {
    /** Add the records to what is there. */
    APPEND("append"),
    /** Replace what is there with this sync's records, atomically. */
    OVERWRITE("overwrite"),
    /** Add the records, then keep one row per primary key: the latest by cursor. */
    APPEND_DEDUP("append_dedup");

    private final String wire;

    DestinationSyncMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
