package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Destination;
import io.sluice.cdk.testkit.DestinationContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The shared destination contract, against S3Proxy, read back with DuckDB's read_parquet. */
class S3DestinationContractIT extends DestinationContractTest {
    private static S3Fixture s3;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Fixture.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Override
    protected Destination destination() {
        // every checkpoint closes the files, so the failed-source case sees an acknowledged state
        return new S3Destination(new WriteTuning(5 << 20, Duration.ZERO));
    }

    @Override
    protected JsonNode validConfig() {
        return s3.config(S3Fixture.parquet("SNAPPY"));
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        ObjectNode missingBucket = s3.config(S3Fixture.parquet("SNAPPY"));
        missingBucket.remove("s3_bucket_name");
        ObjectNode noSuchBucket = s3.config(S3Fixture.parquet("SNAPPY")).put("s3_bucket_name", "no-such-bucket");
        ObjectNode wrongSecret = s3.config(S3Fixture.parquet("SNAPPY")).put("secret_access_key", "wrong");
        ObjectNode unreachable = s3.config(S3Fixture.parquet("SNAPPY")).put("s3_endpoint", "http://127.0.0.1:" + freePort());
        return List.of(missingBucket, noSuchBucket, wrongSecret, unreachable);
    }

    @Override
    protected List<Map<String, Object>> readBack(JsonNode config, String namespace, String streamName) {
        try {
            Path dir = Files.createTempDirectory(tmp, "s3-readback");
            List<Path> files = s3.download(config.get("s3_bucket_path").asText() + "/", dir);
            if (files.isEmpty()) {
                return List.of();
            }
            return DuckDbFiles.query("*", "read_parquet", dir.resolve("**/*.parquet"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
