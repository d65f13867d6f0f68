package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.protocol.ConfiguredCatalog;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries (429 with Retry-After, 5xx with backoff), 4xx failures in plain words, response filters, the request budget. */
class ErrorsIT {
    private final ApiServer api = new ApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    private String manifest(String errorHandler, String extraTopLevel) {
        return """
                version: 6.0.0
                type: DeclarativeSource
                spec:
                  type: Spec
                  connection_specification:
                    type: object
                    properties: {token: {type: string, airbyte_secret: true}}
                %s
                definitions:
                  base:
                    type: DeclarativeStream
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "%s"
                        path: "/{{ parameters.name }}"
                        authenticator: {type: BearerAuthenticator, api_token: "{{ config['token'] }}"}
                        error_handler: %s
                      paginator:
                        type: DefaultPaginator
                        pagination_strategy: {type: PageIncrement, page_size: 1}
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {id: {type: integer}}}}
                streams:
                  - {$ref: "#/definitions/base", $parameters: {name: good}}
                  - {$ref: "#/definitions/base", $parameters: {name: bad}}
                """.formatted(extraTopLevel, api.url(), errorHandler);
    }

    private static final String FAST_BACKOFF = """
            {type: DefaultErrorHandler, max_retries: 3, backoff_strategies: [{type: ExponentialBackoffStrategy, factor: 0.05}]}""";

    private ManifestsRead read(String manifest, String... streams) {
        DeclarativeSource source = new DeclarativeSource();
        var config = Manifests.config(manifest, "{\"token\": \"tok-secret-1\"}");
        var discovered = source.discover(config).streams();
        ConfiguredCatalog catalog = Manifests.catalog(java.util.Arrays.stream(streams)
                .map(name -> discovered.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow())
                .toList(), io.sluice.protocol.SyncMode.FULL_REFRESH);
        CollectingEmitter out = new CollectingEmitter();
        long start = System.nanoTime();
        RuntimeException failure = null;
        try {
            source.read(config, catalog, InputState.empty(), out);
        } catch (RuntimeException e) {
            failure = e;
        }
        return new ManifestsRead(out, failure, Duration.ofNanos(System.nanoTime() - start));
    }

    private record ManifestsRead(CollectingEmitter out, RuntimeException failure, Duration took) {}

    private void oneRecordThen(String path, java.util.function.Function<Integer, MockResponse> firstAttempts, int failures) {
        AtomicInteger calls = new AtomicInteger();
        api.on(path, r -> {
            if ("1".equals(ApiServer.param(r, "page"))) {
                return json("[]");
            }
            int n = calls.incrementAndGet();
            return n <= failures ? firstAttempts.apply(n) : json("[{\"id\": 1}]");
        });
    }

    @Test
    void tooManyRequestsWaitsAsRetryAfterSecondsSays() {
        oneRecordThen("/good", n -> new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("slow down").build(), 1);
        ManifestsRead result = read(manifest("{type: DefaultErrorHandler}", ""), "good");
        assertThat(result.failure()).isNull();
        assertThat(result.out().recordCount()).isEqualTo(1);
        assertThat(api.requests("/good")).hasSize(3);
        assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void tooManyRequestsWaitsUntilARetryAfterDate() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        oneRecordThen("/good", n -> new MockResponse.Builder().code(429).addHeader("Retry-After", at).build(), 1);
        ManifestsRead result = read(manifest("{type: DefaultErrorHandler}", ""), "good");
        assertThat(result.failure()).isNull();
        assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() {
        oneRecordThen("/good", n -> json(500, "{\"error\": \"boom\"}"), 2);
        ManifestsRead result = read(manifest(FAST_BACKOFF, ""), "good");
        assertThat(result.failure()).isNull();
        assertThat(result.out().recordCount()).isEqualTo(1);
        assertThat(api.requests("/good")).hasSize(4);
        assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void retriesRunOutAsATransientFailure() {
        api.on("/good", r -> json(503, "{\"error\": \"maintenance\"}"));
        ManifestsRead result = read(manifest(FAST_BACKOFF, ""), "good");
        assertThat(result.failure()).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("503").hasMessageContaining("gave up after 3 retries").hasMessageContaining("maintenance");
        assertThat(((ConnectorException) result.failure()).kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(api.requests("/good")).hasSize(4);
    }

    @Test
    void aClientErrorFailsItsStreamInPlainWordsAndTheOtherStreamStillRuns() {
        oneRecordThen("/good", n -> json("[]"), 0);
        api.on("/bad", r -> json(404, "{\"message\": \"no such endpoint for tok-secret-1\", \"pad\": \"" + "x".repeat(2000) + "\"}"));
        ManifestsRead result = read(manifest("{type: DefaultErrorHandler}", ""), "bad", "good");
        assertThat(result.out().rows(1)).as("the good stream's records").hasSize(1);
        assertThat(result.failure()).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("stream bad").hasMessageContaining("404 Not Found")
                .hasMessageContaining("no such endpoint").hasMessageContaining("...")
                .hasMessageNotContaining("tok-secret-1").hasMessageNotContaining("x".repeat(600));
        assertThat(((ConnectorException) result.failure()).kind()).isEqualTo(FailureKind.SYSTEM);
        assertThat(result.out().traces()).filteredOn(t -> t.streamStatus().isPresent())
                .extracting(t -> t.streamStatus().get().streamDescriptor().name() + ":" + t.streamStatus().get().status())
                .containsExactly("bad:STARTED", "bad:INCOMPLETE", "good:STARTED", "good:COMPLETE");
        assertThat(api.requests("/bad")).as("4xx is not retried").hasSize(1);
    }

    @Test
    void forbiddenIsAConfigFailure() {
        api.on("/good", r -> json(403, "{\"message\": \"forbidden\"}"));
        ManifestsRead result = read(manifest("{type: DefaultErrorHandler}", ""), "good");
        assertThat(((ConnectorException) result.failure()).kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(result.failure()).hasMessageContaining("403").hasMessageContaining("credentials");
    }

    @Test
    void responseFiltersIgnoreOrFailWithTheirOwnMessage() {
        api.on("/good", r -> json(404, "{}"));
        api.on("/bad", r -> json(200, "{\"error\": \"quota exceeded\"}"));
        String handler = """
                {type: DefaultErrorHandler, response_filters: [
                          {type: HttpResponseFilter, action: IGNORE, http_codes: [404]},
                          {type: HttpResponseFilter, action: FAIL, error_message_contains: quota, error_message: "Daily quota used up", failure_type: transient_error}]}""";
        ManifestsRead result = read(manifest(handler, ""), "good", "bad");
        assertThat(result.out().rows(0)).isEmpty();
        assertThat(result.failure()).hasMessageContaining("Daily quota used up").hasMessageNotContaining("stream good");
        assertThat(((ConnectorException) result.failure()).kind()).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void waitTimeFromHeaderInACompositeHandler() {
        oneRecordThen("/good", n -> new MockResponse.Builder().code(503).addHeader("X-Retry-In", "wait=0.6s").build(), 1);
        String handler = """
                {type: CompositeErrorHandler, error_handlers: [
                          {type: DefaultErrorHandler, max_retries: 2,
                           response_filters: [{type: HttpResponseFilter, action: RETRY, http_codes: [503]}],
                           backoff_strategies: [{type: WaitTimeFromHeader, header: X-Retry-In, regex: "wait=([0-9.]+)s"}]},
                          {type: DefaultErrorHandler, backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 0.01}]}]}""";
        ManifestsRead result = read(manifest(handler, ""), "good");
        assertThat(result.failure()).isNull();
        assertThat(api.requests("/good")).hasSize(3);
        assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }

    @Test
    void retriesStopWhenTheirWaitingBudgetIsSpent() {
        api.on("/slow", r -> new MockResponse.Builder().code(503).addHeader("Retry-After", "0.6").body("busy").build());
        RestClient client = new RestClient(RestClient.newHttpClient(), RateLimiter.unlimited(), new Scrubber(java.util.List.of()),
                Duration.ofSeconds(10), Duration.ofSeconds(1));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.url() + "/slow")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(request, ErrorHandler.defaults(),
                        TemplateVars.ofConfig(java.util.Map.of()), "check"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("longer than 1 s").hasMessageContaining("busy");
        assertThat(api.requests("/slow")).hasSize(2);
    }

    @Test
    void theApiBudgetSpacesRequests() {
        AtomicInteger calls = new AtomicInteger();
        api.on("/good", r -> json(calls.incrementAndGet() < 5 ? "[{\"id\": 1}]" : "[]"));
        String budget = """
                api_budget:
                  type: HTTPAPIBudget
                  policies:
                    - type: MovingWindowCallRatePolicy
                      rates: [{limit: 2, interval: PT0.5S}]
                      matchers: []""";
        ManifestsRead result = read(manifest("{type: DefaultErrorHandler}", budget), "good");
        assertThat(result.failure()).isNull();
        assertThat(api.requests("/good")).hasSize(5);
        assertThat(result.took()).as("5 requests at 2 per 0.5 s").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }
}
