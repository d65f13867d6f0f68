package io.sluice.connectors.s3.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.connectors.files.testing.S3TestServer;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import io.sluice.protocol.TraceMessage;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object larger than the whole heap (failsafe runs this module with -Xmx64m; S3Proxy keeps its
 * objects on disk here) is read incrementally in constant memory, with a state after the file.
 */
class LargeObjectIT {
    private static final int ROWS = 2_000_000;

    @TempDir
    Path dir;

    @Test
    void aCsvObjectLargerThanTheHeapStreamsThrough() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name,amount\n");
            for (int i = 1; i <= ROWS; i++) {
                out.write(i + ",\"customer number " + i + ", with a long name\"," + (i % 977) + ".5\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(Runtime.getRuntime().maxMemory());
        try (S3TestServer s3 = new S3TestServer(store)) {
            s3.createBucket("big");
            s3.put("big", "exports/big.csv", file);
            ObjectNode config = Buckets.config(s3, "big");
            Buckets.stream(config, "big", "csv", "exports/*.csv");
            S3Source source = new S3Source();

            long[] rows = {0};
            List<StateMessage> states = new ArrayList<>();
            source.read(config, Buckets.catalog(source.discover(config), SyncMode.INCREMENTAL), InputState.empty(),
                    new Emitter() {
                        @Override
                        public void record(int streamIndex, Object[] row) {
                            rows[0]++;
                        }

                        @Override
                        public void state(StateMessage state) {
                            states.add(state);
                        }

                        @Override
                        public void log(LogMessage.Level level, String message) {}

                        @Override
                        public void trace(TraceMessage trace) {}
                    });

            assertThat(rows[0]).isEqualTo(ROWS);
            assertThat(states).hasSize(1);
            assertThat(states.getFirst().stream().orElseThrow().streamState().orElseThrow()
                    .path("files_at_last_modified").has("exports/big.csv")).isTrue();
        }
    }
}
