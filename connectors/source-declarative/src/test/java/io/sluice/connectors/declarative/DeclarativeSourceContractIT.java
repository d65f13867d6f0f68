package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Source;
import io.sluice.cdk.testkit.SourceContractTest;
import io.sluice.protocol.MessageCodec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;

/**
 * source-declarative against the contract every source passes: a manifest over a local server that
 * lists customers after {@code updated_at[gt]}, paginated; the second incremental read finds the
 * customers added in between.
 */
class DeclarativeSourceContractIT extends SourceContractTest {
    private static final Instant BASE = Instant.parse("2024-05-01T00:00:00Z");
    private final ApiServer api = new ApiServer();
    private final AtomicInteger customers = new AtomicInteger(25);

    DeclarativeSourceContractIT() {
        api.on("/customers", r -> {
            if (!"Bearer good-key".equals(r.getHeaders().get("Authorization"))) {
                return json(401, "{\"error\": \"bad key\"}");
            }
            Instant after = Instant.parse(ApiServer.param(r, "updated_at[gt]"));
            int offset = ApiServer.param(r, "offset") == null ? 0 : Integer.parseInt(ApiServer.param(r, "offset"));
            List<String> matching = IntStream.rangeClosed(1, customers.get())
                    .filter(i -> BASE.plusSeconds(i * 60L).isAfter(after))
                    .mapToObj(i -> "{\"id\": " + i + ", \"name\": \"c" + i + "\", \"updated_at\": \"" + BASE.plusSeconds(i * 60L)
                            + "\", \"tags\": [\"t" + i % 3 + "\"], \"balance\": " + (i * 1.25) + "}")
                    .toList();
            return json("{\"customers\": " + matching.stream().skip(offset).limit(10)
                    .collect(Collectors.joining(",", "[", "]")) + "}");
        });
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [customers]}
            spec:
              type: Spec
              connection_specification:
                type: object
                required: [api_key, start_date]
                properties:
                  api_key: {type: string, airbyte_secret: true}
                  start_date: {type: string, format: date-time}
                  base: {type: string}
            streams:
              - type: DeclarativeStream
                name: customers
                primary_key: id
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base'] }}"
                    path: /customers
                    authenticator: {type: BearerAuthenticator, api_token: "{{ config['api_key'] }}"}
                  paginator:
                    type: DefaultPaginator
                    pagination_strategy: {type: OffsetIncrement, page_size: 10}
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: offset}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [customers]}}
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: updated_at
                  datetime_format: "%Y-%m-%dT%H:%M:%SZ"
                  start_datetime: "{{ config['start_date'] }}"
                  start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: "updated_at[gt]"}
            """;

    @Override
    protected Source source() {
        return new DeclarativeSource();
    }

    @Override
    protected JsonNode validConfig() {
        return Manifests.config(MANIFEST, "{\"api_key\": \"good-key\", \"start_date\": \"2024-01-01T00:00:00Z\", \"base\": \""
                + api.url() + "\"}");
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        ObjectNode badKey = (ObjectNode) validConfig();
        badKey.put("api_key", "bad-key");
        ObjectNode missingField = (ObjectNode) validConfig();
        missingField.remove("start_date");
        ObjectNode wrongType = (ObjectNode) validConfig();
        wrongType.put("api_key", 42);
        ObjectNode brokenManifest = (ObjectNode) validConfig();
        ((ObjectNode) brokenManifest.get(SourceConfig.INJECTED)).putArray("streams").addObject().put("type", "Nope");
        return List.of(badKey, missingField, wrongType, brokenManifest, MessageCodec.mapper().createObjectNode(),
                MessageCodec.mapper().createArrayNode());
    }

    @Override
    protected JsonNode configForSecondIncrementalRead(JsonNode first) {
        customers.addAndGet(7);
        return first;
    }

    @Override
    protected boolean expectsNewRecordsOnSecondIncrementalRead() {
        return true;
    }
}
