package io.sluice.connectors.faker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/** Configs, catalogs and reads shared by the source-faker tests. */
final class FakerReads {
    static final int USERS = 0;
    static final int PRODUCTS = 1;
    static final int PURCHASES = 2;

    private FakerReads() {}

    static ObjectNode config(long count, long seed, int recordsPerSlice, boolean alwaysUpdated) {
        return JsonNodeFactory.instance.objectNode()
                .put("count", count)
                .put("seed", seed)
                .put("records_per_slice", recordsPerSlice)
                .put("always_updated", alwaysUpdated);
    }

    /** All three streams in catalog order, read with {@code mode}. */
    static ConfiguredCatalog catalog(SyncMode mode) {
        return new ConfiguredCatalog(new FakerSource().discover(config(1, 1, 1, true)).streams().stream()
                .map(s -> ConfiguredStream.of(s, mode, List.of(), DestinationSyncMode.APPEND, List.of()))
                .toList());
    }

    static RecordingEmitter read(ObjectNode config, SyncMode mode, InputState state) {
        RecordingEmitter out = new RecordingEmitter();
        new FakerSource().read(config, catalog(mode), state, out);
        return out;
    }

    static String streamName(StateMessage state) {
        return state.stream().orElseThrow().streamDescriptor().name();
    }

    /** The column of {@code updated_at} in each stream's rows. */
    static int updatedAtColumn(int stream) {
        return switch (stream) {
            case USERS -> 2;
            case PRODUCTS -> 6;
            default -> 7;
        };
    }

    static void assertUpdatedAtIncreasesWithId(List<Object[]> rows, int updatedAtColumn) {
        for (int i = 1; i < rows.size(); i++) {
            Object[] previous = rows.get(i - 1);
            Object[] current = rows.get(i);
            assertThat((Long) current[0]).isGreaterThan((Long) previous[0]);
            assertThat((Instant) current[updatedAtColumn]).isAfter((Instant) previous[updatedAtColumn]);
        }
    }

    static List<Long> longs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** Rows or states as text, one per line, for byte-for-byte comparisons. */
    static String text(List<?> items) {
        StringBuilder text = new StringBuilder();
        for (Object item : items) {
            text.append(item instanceof Object[] row ? Arrays.deepToString(row) : String.valueOf(item)).append('\n');
        }
        return text.toString();
    }
}
