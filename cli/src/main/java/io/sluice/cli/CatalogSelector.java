package io.sluice.cli;

import io.sluice.cdk.ConfigError;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a discovered catalog and the pipeline's stream list into the configured catalog. A stream
 * without explicit modes syncs incrementally (deduplicated when it has a primary key) when it can,
 * else as a full refresh that overwrites. An empty stream list selects every stream.
 */
final class CatalogSelector {
    private final List<DestinationSyncMode> destinationModes;

    /** @param destinationModes what the destination supports; empty means all. */
    CatalogSelector(List<DestinationSyncMode> destinationModes) {
        this.destinationModes = destinationModes.isEmpty()
                ? List.of(DestinationSyncMode.values())
                : List.copyOf(destinationModes);
    }

    ConfiguredCatalog select(Catalog discovered, List<Pipeline.StreamSelection> selections) {
        List<ConfigError> errors = new ArrayList<>();
        List<ConfiguredStream> configured = new ArrayList<>();
        if (selections.isEmpty()) {
            for (AirbyteStream stream : discovered.streams()) {
                configured.add(configure(stream, new Pipeline.StreamSelection(stream.name(), stream.namespace(),
                        Optional.empty(), Optional.empty(), List.of(), List.of()), "streams", errors));
            }
        } else {
            java.util.Set<io.sluice.protocol.StreamDescriptor> chosen = new java.util.HashSet<>();
            for (int i = 0; i < selections.size(); i++) {
                Pipeline.StreamSelection selection = selections.get(i);
                String field = "streams[" + i + "]";
                Optional<AirbyteStream> stream = find(discovered, selection);
                if (stream.isPresent() && !chosen.add(stream.get().descriptor())) {
                    errors.add(new ConfigError(field + ".name", "stream '" + stream.get().descriptor()
                            + "' is listed more than once"));
                    continue;
                }
                if (stream.isEmpty()) {
                    errors.add(new ConfigError(field + ".name", "the source has no stream '" + selection.name()
                            + "'; it offers: " + String.join(", ",
                                    discovered.streams().stream().map(s -> s.descriptor().toString()).toList())));
                    continue;
                }
                configured.add(configure(stream.get(), selection, field, errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new PipelineException(errors);
        }
        return new ConfiguredCatalog(configured);
    }

    private static Optional<AirbyteStream> find(Catalog catalog, Pipeline.StreamSelection selection) {
        return catalog.streams().stream()
                .filter(s -> s.name().equals(selection.name()))
                .filter(s -> selection.namespace().isEmpty() || selection.namespace().equals(s.namespace()))
                .findFirst();
    }

    private ConfiguredStream configure(AirbyteStream stream, Pipeline.StreamSelection selection, String field,
            List<ConfigError> errors) {
        List<String> cursor = selection.cursorField().isEmpty() ? stream.defaultCursorField() : selection.cursorField();
        List<List<String>> primaryKey = selection.primaryKey().isEmpty()
                ? stream.sourceDefinedPrimaryKey()
                : selection.primaryKey();
        boolean canIncremental = stream.supportedSyncModes().contains(SyncMode.INCREMENTAL) && !cursor.isEmpty();
        SyncMode syncMode = selection.syncMode().orElse(canIncremental ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH);
        DestinationSyncMode destinationMode = selection.destinationSyncMode().orElseGet(() -> defaultMode(syncMode, primaryKey));

        if (!stream.supportedSyncModes().isEmpty() && !stream.supportedSyncModes().contains(syncMode)) {
            errors.add(new ConfigError(field + ".sync_mode", "stream '" + stream.name() + "' does not support "
                    + syncMode.wire() + "; it supports: "
                    + String.join(", ", stream.supportedSyncModes().stream().map(SyncMode::wire).toList())));
        }
        if (syncMode == SyncMode.INCREMENTAL && cursor.isEmpty()) {
            errors.add(new ConfigError(field + ".cursor_field",
                    "is required: stream '" + stream.name() + "' has no source-defined cursor"));
        }
        if (!cursor.isEmpty() && !stream.jsonSchema().path("properties").has(cursor.get(0))) {
            errors.add(new ConfigError(field + ".cursor_field",
                    "stream '" + stream.name() + "' has no field '" + cursor.get(0) + "'"));
        }
        if (destinationMode == DestinationSyncMode.APPEND_DEDUP && primaryKey.isEmpty()) {
            errors.add(new ConfigError(field + ".primary_key",
                    "is required for append_dedup: stream '" + stream.name() + "' has no source-defined primary key"));
        }
        for (List<String> keyPart : primaryKey) {
            if (!keyPart.isEmpty() && !stream.jsonSchema().path("properties").has(keyPart.get(0))) {
                errors.add(new ConfigError(field + ".primary_key",
                        "stream '" + stream.name() + "' has no field '" + keyPart.get(0) + "'"));
            }
        }
        if (!destinationModes.contains(destinationMode)) {
            errors.add(new ConfigError(field + ".destination_sync_mode", "the destination does not support "
                    + destinationMode.wire() + "; it supports: "
                    + String.join(", ", destinationModes.stream().map(DestinationSyncMode::wire).toList())));
        }
        return ConfiguredStream.of(stream, syncMode, cursor, destinationMode, primaryKey);
    }

    private DestinationSyncMode defaultMode(SyncMode syncMode, List<List<String>> primaryKey) {
        if (syncMode == SyncMode.INCREMENTAL) {
            return !primaryKey.isEmpty() && destinationModes.contains(DestinationSyncMode.APPEND_DEDUP)
                    ? DestinationSyncMode.APPEND_DEDUP
                    : DestinationSyncMode.APPEND;
        }
        return destinationModes.contains(DestinationSyncMode.OVERWRITE)
                ? DestinationSyncMode.OVERWRITE
                : DestinationSyncMode.APPEND;
    }
}
