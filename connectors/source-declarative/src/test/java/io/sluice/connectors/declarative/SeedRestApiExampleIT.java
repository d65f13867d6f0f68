package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.MessageCodec;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's REST API example (URL base, bearer token, customers and orders from start_date) in
 * both forms the repository ships, examples/rest-api-to-duckdb.yaml (simple form) and
 * examples/manifests/rest-api.yaml (manifest), synced into DuckDB against a local server.
 */
class SeedRestApiExampleIT {
    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();
    private static final String TOKEN = "seed-token-42";

    @TempDir
    Path dir;

    private final ApiServer api = new ApiServer();

    @BeforeEach
    void serve() {
        api.on("/v1/customers", r -> authorized(r) ? json(IntStream.rangeClosed(1, 3)
                .mapToObj(i -> "{\"id\": " + i + ", \"name\": \"Customer " + i + "\", \"contact\": {\"email\": \"c" + i + "@example.com\"}}")
                .collect(Collectors.joining(",", "[", "]"))) : json(401, "{}"));
        api.on("/v1/orders", r -> {
            String from = ApiServer.param(r, "start_date");
            return authorized(r) ? json(IntStream.rangeClosed(1, 5)
                    .mapToObj(i -> "{\"id\": " + i + ", \"customer_id\": " + (i % 3 + 1) + ", \"total\": " + (i * 10.5)
                            + ", \"ordered_on\": \"2024-0" + i + "-15\"}")
                    .filter(o -> from == null || o.substring(o.indexOf("ordered_on") + 14, o.indexOf("ordered_on") + 24).compareTo(from) >= 0)
                    .collect(Collectors.joining(",", "[", "]"))) : json(401, "{}");
        });
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static boolean authorized(RecordedRequest request) {
        return ("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"));
    }

    private ObjectNode simpleFormConfig() throws Exception {
        JsonNode pipeline = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLES.resolve("rest-api-to-duckdb.yaml").toFile());
        ObjectNode config = (ObjectNode) pipeline.at("/source/config").deepCopy();
        assertThat(pipeline.at("/source/connector").asText()).isEqualTo(DeclarativeSource.NAME);
        config.put("url_base", api.url() + "/v1");
        config.put("start_date", "2024-03-01");
        ((ObjectNode) config.get("authentication")).put("token", TOKEN);
        return config;
    }

    private ObjectNode manifestConfig() {
        return MessageCodec.mapper().createObjectNode()
                .put("manifest_path", EXAMPLES.resolve("manifests/rest-api.yaml").toString())
                .put("url_base", api.url() + "/v1").put("api_token", TOKEN).put("start_date", "2024-03-01");
    }

    private void syncsBothEndpoints(ObjectNode config, String file) throws Exception {
        DuckDbSync sync = new DuckDbSync(dir.resolve(file));
        sync.run(config);
        assertThat(sync.count("SELECT count(*) FROM main.customers")).isEqualTo(3);
        assertThat(sync.text("SELECT contact_email FROM main.customers WHERE id = 2")).isEqualTo("c2@example.com");
        assertThat(sync.count("SELECT count(*) FROM main.orders")).as("orders from start_date on").isEqualTo(3);
        assertThat(sync.count("SELECT min(id) FROM main.orders")).isEqualTo(3);
        assertThat(api.requests("/v1/orders")).allMatch(r -> "2024-03-01".equals(ApiServer.param(r, "start_date")));
        assertThat(api.requests()).allMatch(SeedRestApiExampleIT::authorized);
    }

    @Test
    void simpleFormSyncsIntoDuckDb() throws Exception {
        syncsBothEndpoints(simpleFormConfig(), "simple.duckdb");
    }

    @Test
    void manifestFormSyncsIntoDuckDb() throws Exception {
        syncsBothEndpoints(manifestConfig(), "manifest.duckdb");
    }

    @Test
    void bothFormsOfferTheSameStreams() throws Exception {
        var simple = new DeclarativeSource().discover(simpleFormConfig()).streams();
        var manifest = new DeclarativeSource().discover(manifestConfig()).streams();
        assertThat(simple).extracting(AirbyteStream::name).containsExactly("customers", "orders");
        assertThat(manifest).extracting(AirbyteStream::name).containsExactly("customers", "orders");
        for (int i = 0; i < simple.size(); i++) {
            assertThat(simple.get(i).jsonSchema()).isEqualTo(manifest.get(i).jsonSchema());
            assertThat(simple.get(i).sourceDefinedPrimaryKey()).isEqualTo(manifest.get(i).sourceDefinedPrimaryKey());
        }
    }

    @Test
    void simpleFormRefusesABadEndpointByField() throws Exception {
        ObjectNode config = simpleFormConfig();
        ((ObjectNode) config.get("endpoints").get(1)).remove("path");
        assertThat(new DeclarativeSource().check(config).message().orElseThrow()).contains("endpoints[1].path")
                .doesNotContain(TOKEN);
    }
}
