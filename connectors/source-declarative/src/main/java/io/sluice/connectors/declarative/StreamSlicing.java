package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The slices of a stream (each partition of its router, times each interval of its cursor) and
 * their request options; and a whole read of a stream from its start, for parent streams, schema
 * samples and checks.
 */
final class StreamSlicing {

    /** Receives each record with the slice it came from; returns false to stop. */
    interface SliceRecordSink {
        boolean accept(ObjectNode record, StreamSlice slice);
    }

    private StreamSlicing() {}

    static List<Map<String, Object>> partitions(DeclarativeStream stream, TemplateVars vars) {
        return stream.router().map(r -> r.partitions(vars)).orElse(List.of(Map.of()));
    }

    static List<Map<String, Object>> intervals(DeclarativeStream stream, Optional<Instant> from, TemplateVars vars) {
        return stream.cursor().map(c -> c.intervals(from, vars)).orElse(List.of(Map.of()));
    }

    static SimpleRetriever.SliceOptions options(DeclarativeStream stream, StreamSlice slice) {
        return (parts, vars) -> {
            stream.router().ifPresent(r -> r.inject(parts, slice, vars));
            stream.cursor().ifPresent(c -> c.inject(parts, slice, vars));
        };
    }

    /** Reads the stream from its start, every partition and interval; false when the sink stopped it. */
    static boolean readAll(DeclarativeStream stream, TemplateVars vars, SliceRecordSink sink) {
        for (Map<String, Object> partition : partitions(stream, vars)) {
            for (Map<String, Object> interval : intervals(stream, Optional.empty(), vars)) {
                StreamSlice slice = new StreamSlice(partition, interval);
                boolean more = stream.retriever().read(slice, vars, options(stream, slice),
                        record -> sink.accept(record, slice));
                if (!more) {
                    return false;
                }
            }
        }
        return true;
    }
}
