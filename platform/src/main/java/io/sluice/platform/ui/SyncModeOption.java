package io.sluice.platform.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One choice of the stream table's sync mode select: how the source reads ({@code full_refresh},
 * {@code incremental}) and how the destination writes ({@code append}, {@code overwrite},
 * {@code append_dedup}), labelled as Airbyte does ("Incremental | Append + Deduped").
 */
public record SyncModeOption(String syncMode, String destinationSyncMode) {

    /** The select's value, {@code <syncMode>:<destinationSyncMode>}. */
    public String value() {
        return syncMode + ":" + destinationSyncMode;
    }

    public String label() {
        String read = syncMode.equals("incremental") ? "Incremental" : "Full refresh";
        String write = switch (destinationSyncMode) {
            case "overwrite" -> "Overwrite";
            case "append_dedup" -> "Append + Deduped";
            default -> "Append";
        };
        return read + " | " + write;
    }

    /** Incremental reads need a cursor field. */
    public boolean needsCursor() {
        return syncMode.equals("incremental");
    }

    /** Deduplicated writes need a primary key. */
    public boolean needsPrimaryKey() {
        return destinationSyncMode.equals("append_dedup");
    }

    /** Reads a select value; an unknown or empty one is empty. */
    public static Optional<SyncModeOption> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        SyncModeOption option = new SyncModeOption(value.substring(0, colon), value.substring(colon + 1));
        return SYNC_MODES.contains(option.syncMode) && DESTINATION_MODES.contains(option.destinationSyncMode)
                ? Optional.of(option) : Optional.empty();
    }

    /**
     * The pairs Airbyte's UI offers (full refresh with overwrite or append, incremental with append
     * or append + deduped) that the stream and the destination both support; an empty list on
     * either side means "all", as the API reads it.
     */
    public static List<SyncModeOption> options(List<String> streamModes, List<String> destinationModes) {
        List<String> reads = streamModes.isEmpty() ? SYNC_MODES : streamModes;
        List<String> writes = destinationModes.isEmpty() ? DESTINATION_MODES : destinationModes;
        List<SyncModeOption> options = new ArrayList<>();
        for (String read : SYNC_MODES) {
            for (String write : DESTINATION_MODES) {
                boolean sensible = read.equals("full_refresh") ? !write.equals("append_dedup") : !write.equals("overwrite");
                if (reads.contains(read) && writes.contains(write) && sensible) {
                    options.add(new SyncModeOption(read, write));
                }
            }
        }
        return options;
    }

    private static final List<String> SYNC_MODES = List.of("full_refresh", "incremental");
    private static final List<String> DESTINATION_MODES = List.of("overwrite", "append", "append_dedup");
}
