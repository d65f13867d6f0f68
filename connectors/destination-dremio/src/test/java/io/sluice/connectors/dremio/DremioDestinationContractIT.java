package io.sluice.connectors.dremio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Destination;
import io.sluice.cdk.testkit.DestinationContractTest;
import io.sluice.connectors.s3.destination.S3Destination;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared destination contract: staged on S3Proxy, published through the stand-in REST API and
 * Flight server, read back from the staged Parquet files (what Dremio's refreshed table reads).
 */
class DremioDestinationContractIT extends DestinationContractTest {
    static final String PROJECT = "AirbyteData";

    private static StagingBucket s3;
    private static FakeDremioRest rest;
    private static FakeFlightDremio flight;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void start() throws Exception {
        s3 = StagingBucket.start();
        rest = new FakeDremioRest(PROJECT);
        flight = new FakeFlightDremio();
    }

    @AfterAll
    static void stop() throws Exception {
        flight.close();
        rest.close();
        s3.close();
    }

    /** A config for a fresh staging path against the three local servers. */
    static ObjectNode config(StagingBucket s3, FakeDremioRest rest, FakeFlightDremio flight) {
        return JsonNodeFactory.instance.objectNode()
                .put("host", "127.0.0.1")
                .put("port", flight.port())
                .put("rest_port", rest.port())
                .put("username", FakeFlightDremio.USER)
                .put("password", FakeFlightDremio.PASSWORD)
                .put("ssl", false)
                .put("project", PROJECT)
                .put("dataset", "production_public")
                .put("s3_bucket_name", StagingBucket.BUCKET)
                .put("s3_bucket_path", "airbyte-data/" + UUID.randomUUID().toString().substring(0, 8))
                .put("s3_endpoint", s3.endpoint().toString())
                .put("access_key_id", StagingBucket.ACCESS_KEY)
                .put("secret_access_key", StagingBucket.SECRET_KEY);
    }

    static Destination destination(Duration poll) {
        return new DremioDestination(new S3Destination(), poll, Duration.ofSeconds(30));
    }

    @Override
    protected Destination destination() {
        return destination(Duration.ofMillis(10));
    }

    @Override
    protected JsonNode validConfig() {
        return config(s3, rest, flight);
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        ObjectNode missingProject = (ObjectNode) validConfig();
        missingProject.remove("project");
        ObjectNode unknownProject = ((ObjectNode) validConfig()).put("project", "NoSuchSource");
        ObjectNode wrongPassword = ((ObjectNode) validConfig()).put("password", "wrong-one-Pz2");
        ObjectNode noFlight = ((ObjectNode) validConfig()).put("port", DremioConfigTest.freePort());
        ObjectNode noBucket = ((ObjectNode) validConfig()).put("s3_bucket_name", "no-such-bucket");
        return List.of(missingProject, unknownProject, wrongPassword, noFlight, noBucket);
    }

    @Override
    protected List<Map<String, Object>> readBack(JsonNode config, String namespace, String streamName) {
        try {
            return s3.parquetRows(DremioConfig.from(config).staging().get("s3_bucket_path").asText() + "/"
                    + streamName + "/", scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
