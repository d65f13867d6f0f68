package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog of a loaded manifest: each stream with its schema (the manifest's, or inferred from
 * up to {@value SchemaInference#SAMPLE_RECORDS} records read from its first slices), its primary
 * key, and its cursor field when it reads incrementally. Also the connection check: the first
 * page of each stream {@code check} names.
 */
final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private Discovery() {}

    static Catalog catalog(LoadedSource source) {
        List<AirbyteStream> streams = new ArrayList<>();
        for (DeclarativeStream stream : source.streams()) {
            ObjectNode schema = stream.schema().orElseGet(() -> infer(stream, source.context().vars()));
            List<String> cursor = stream.cursor().map(c -> List.of(c.cursorField())).orElse(List.of());
            streams.add(AirbyteStream.of(null, stream.name(), schema, cursor, stream.primaryKey()));
        }
        return new Catalog(streams);
    }

    static ObjectNode infer(DeclarativeStream stream, TemplateVars vars) {
        SchemaInference inference = new SchemaInference();
        int[] records = {0};
        int slices = 0;
        outer:
        for (Map<String, Object> partition : StreamSlicing.partitions(stream, vars)) {
            for (Map<String, Object> interval : StreamSlicing.intervals(stream, Optional.empty(), vars)) {
                if (++slices > SchemaInference.SAMPLE_SLICES) {
                    break outer;
                }
                StreamSlice slice = new StreamSlice(partition, interval);
                boolean more = stream.retriever().read(slice, vars, StreamSlicing.options(stream, slice), record -> {
                    inference.add(record);
                    return ++records[0] < SchemaInference.SAMPLE_RECORDS;
                });
                if (!more) {
                    break outer;
                }
            }
        }
        if (records[0] == 0) {
            LOG.warn("stream {}: no records to infer a schema from; give it an InlineSchemaLoader", stream.name());
        }
        return inference.schema();
    }

    /** Reads the first page of each check stream; throws what the read throws. */
    static void check(LoadedSource source) {
        TemplateVars vars = source.context().vars();
        for (String name : source.checkStreams()) {
            DeclarativeStream stream = source.stream(name);
            Map<String, Object> partition = StreamSlicing.partitions(stream, vars).stream().findFirst().orElse(Map.of());
            List<Map<String, Object>> intervals = StreamSlicing.intervals(stream, Optional.empty(), vars);
            StreamSlice slice = new StreamSlice(partition, intervals.isEmpty() ? Map.of() : intervals.getLast());
            stream.retriever().read(slice, vars, StreamSlicing.options(stream, slice), record -> false);
        }
    }
}
