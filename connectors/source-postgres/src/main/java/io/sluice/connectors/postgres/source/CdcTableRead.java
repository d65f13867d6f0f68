package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ControlMessage;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import io.sluice.protocol.TraceMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream of a CDC source by a plain table scan: a full refresh stream, or a CDC stream added
 * to the connection after the first CDC sync (its snapshot). The table's columns come from the scan;
 * the trailing CDC columns are filled here: {@code _ab_cdc_lsn} with the WAL position taken before
 * the scan (changes streamed later carry greater LSNs and win in a deduplicated table, earlier ones
 * lose to the snapshot row), {@code _ab_cdc_updated_at} with the scan's start.
 */
final class CdcTableRead {
    private CdcTableRead() {}

    /** The stream as a full refresh of its table columns only. */
    static ConfiguredStream tableOnly(ConfiguredStream stream) {
        ObjectNode schema = stream.stream().jsonSchema().deepCopy();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        int firstCdc = names.size();
        for (int i = 0; i < names.size(); i++) {
            if (CdcColumns.isCdcColumn(names.get(i))) {
                firstCdc = Math.min(firstCdc, i);
            } else if (firstCdc < names.size()) {
                throw ConnectorException.config("stream " + stream.descriptor() + ": the _ab_cdc_ columns must come "
                        + "after the table's columns; refresh the source schema");
            }
        }
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            if (CdcColumns.isCdcColumn(it.next())) {
                it.remove();
            }
        }
        AirbyteStream s = stream.stream();
        AirbyteStream tableOnly = new AirbyteStream(s.name(), schema, s.supportedSyncModes(), s.sourceDefinedCursor(),
                List.of(), s.sourceDefinedPrimaryKey(), s.namespace(), s.isResumable(), Map.of());
        return ConfiguredStream.of(tableOnly, SyncMode.FULL_REFRESH, List.of(), stream.destinationSyncMode(),
                stream.primaryKey());
    }

    /**
     * An emitter that appends the CDC columns the configured stream asks for to each row.
     *
     * @param keepStates false for the snapshot of a CDC stream, whose position is the GLOBAL state
     */
    static Emitter padding(Emitter out, ConfiguredStream stream, long lsn, boolean keepStates) {
        List<String> cdcColumns = new ArrayList<>();
        stream.stream().jsonSchema().path("properties").fieldNames().forEachRemaining(n -> {
            if (CdcColumns.isCdcColumn(n)) {
                cdcColumns.add(n);
            }
        });
        Instant at = Instant.now();
        Object[] tail = cdcColumns.stream().map(n -> switch (n) {
            case CdcColumns.LSN -> (Object) lsn;
            case CdcColumns.UPDATED_AT -> at;
            default -> null;
        }).toArray();
        return new Emitter() {
            @Override
            public void record(int streamIndex, Object[] row) {
                if (tail.length == 0) {
                    out.record(streamIndex, row);
                    return;
                }
                Object[] padded = java.util.Arrays.copyOf(row, row.length + tail.length);
                System.arraycopy(tail, 0, padded, row.length, tail.length);
                out.record(streamIndex, padded);
            }

            @Override
            public void state(StateMessage state) {
                if (keepStates) {
                    out.state(state);
                }
            }

            @Override
            public void log(LogMessage.Level level, String message) {
                out.log(level, message);
            }

            @Override
            public void trace(TraceMessage trace) {
                out.trace(trace);
            }

            @Override
            public void control(ControlMessage control) {
                out.control(control);
            }
        };
    }

    /** Whether the stream had its snapshot: the GLOBAL state lists it. */
    static boolean snapshotted(ConfiguredStream stream, java.util.Optional<StateMessage.GlobalState> global) {
        return global.filter(g -> g.sharedState().map(s -> s.has("offset")).orElse(false))
                .map(g -> g.streamStates().stream().anyMatch(s -> s.streamDescriptor().equals(stream.descriptor())))
                .orElse(false);
    }
}
