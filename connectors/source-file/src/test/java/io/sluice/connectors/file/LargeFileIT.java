package io.sluice.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import io.sluice.protocol.TraceMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file larger than the whole heap (failsafe runs this module with -Xmx64m) streams through in
 * constant memory: rows are handed on, never collected.
 */
class LargeFileIT {
    private static final int ROWS = 1_500_000;

    @TempDir
    Path dir;

    @Test
    void aCsvLargerThanTheHeapIsReadInConstantMemory() throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name,amount,created_at\n");
            for (int i = 1; i <= ROWS; i++) {
                out.write(i + ",\"customer number " + i + ", the long name\"," + (i % 1000) + ".25,2024-01-01 10:00:00\n");
            }
        }
        assertThat(Files.size(file)).as("file size vs max heap").isGreaterThan(Runtime.getRuntime().maxMemory());

        assertThat(countRows(Configs.local("big", "csv", file.toString()))).isEqualTo(ROWS);
    }

    @Test
    void aGzippedJsonLinesFileLargerThanTheHeapUncompressedIsReadInConstantMemory() throws IOException {
        Path file = dir.resolve("big.jsonl.gz");
        long uncompressed = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            for (int i = 1; i <= ROWS; i++) {
                String line = "{\"id\":" + i + ",\"name\":\"customer number " + i + "\",\"tags\":[\"a\",\"b\"]}\n";
                uncompressed += line.length();
                out.write(line);
            }
        }
        assertThat(uncompressed).isGreaterThan(Runtime.getRuntime().maxMemory());

        assertThat(countRows(Configs.local("big", "jsonl", file.toString()))).isEqualTo(ROWS);
    }

    private static long countRows(com.fasterxml.jackson.databind.JsonNode config) {
        FileSource source = new FileSource();
        AirbyteStream stream = source.discover(config).streams().getFirst();
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(ConfiguredStream.of(stream, SyncMode.FULL_REFRESH,
                List.of(), DestinationSyncMode.OVERWRITE, List.of())));
        long[] count = {0};
        source.read(config, catalog, InputState.empty(), new Emitter() {
            @Override
            public void record(int streamIndex, Object[] row) {
                count[0]++;
            }

            @Override
            public void state(StateMessage state) {}

            @Override
            public void log(LogMessage.Level level, String message) {}

            @Override
            public void trace(TraceMessage trace) {}
        });
        return count[0];
    }
}
