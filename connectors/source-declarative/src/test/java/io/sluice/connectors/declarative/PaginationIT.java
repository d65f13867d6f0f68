package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;
import static io.sluice.connectors.declarative.ApiServer.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every paginator and stop condition, asserting the requests the server received. */
class PaginationIT {
    private static final List<Integer> IDS = IntStream.rangeClosed(1, 5).boxed().toList();
    private final ApiServer api = new ApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    private String manifest(String requesterExtra, String paginator, String fieldPath) {
        return """
                version: 6.0.0
                type: DeclarativeSource
                streams:
                  - type: DeclarativeStream
                    name: items
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "%s"
                        path: /items
                %s
                      paginator: %s
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: %s}
                    schema_loader:
                      type: InlineSchemaLoader
                      schema: {type: object, properties: {id: {type: integer}}}
                """.formatted(api.url(), requesterExtra.indent(8).stripTrailing(), paginator, fieldPath);
    }

    private static String items(List<Integer> ids) {
        return ids.stream().map(i -> "{\"id\": " + i + "}").collect(Collectors.joining(",", "[", "]"));
    }

    private List<Integer> page(int fromIndex, int size) {
        return IDS.subList(Math.min(fromIndex, IDS.size()), Math.min(fromIndex + size, IDS.size()));
    }

    @Test
    void cursorPaginationFollowsLastRecordUntilHasMoreIsFalse() {
        api.on("/items", r -> {
            String after = param(r, "starting_after");
            int from = after == null ? 0 : IDS.indexOf(Integer.parseInt(after)) + 1;
            int limit = Integer.parseInt(param(r, "limit"));
            List<Integer> page = page(from, limit);
            return json("{\"has_more\": " + (from + limit < IDS.size()) + ", \"data\": " + items(page) + "}");
        });
        var read = Manifests.read(Manifests.config(manifest("", """
                {type: DefaultPaginator,
                        pagination_strategy: {type: CursorPagination, cursor_value: "{{ last_record['id'] }}",
                                              stop_condition: "{{ not response.has_more }}", page_size: 2},
                        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: limit},
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: starting_after}}""",
                "[data]")));
        assertThat(read.ids("items")).containsExactly("1", "2", "3", "4", "5");
        List<RecordedRequest> requests = api.requests("/items");
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> param(r, "starting_after")).containsExactly(null, "2", "4");
        assertThat(requests).extracting(r -> param(r, "limit")).containsOnly("2");
    }

    @Test
    void cursorPaginationFollowsTheLinkHeaderAsTheRequestPath() {
        api.on("/items", r -> {
            int page = r.getUrl().queryParameter("page") == null ? 0 : Integer.parseInt(param(r, "page"));
            MockResponse.Builder response = new MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "application/json").body(items(page(page * 2, 2)));
            if ((page + 1) * 2 < IDS.size()) {
                response.addHeader("Link", "<" + api.url() + "/items?page=" + (page + 1) + "&per_page=2>; rel=\"next\"");
            }
            return response.build();
        });
        var read = Manifests.read(Manifests.config(manifest("", """
                {type: DefaultPaginator,
                        pagination_strategy: {type: CursorPagination, cursor_value: "{{ headers['link']['next']['url'] }}",
                                              stop_condition: "{{ not headers['link']['next'] }}", page_size: 2},
                        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page},
                        page_token_option: {type: RequestPath}}""", "[]")));
        assertThat(read.ids("items")).containsExactly("1", "2", "3", "4", "5");
        assertThat(api.requests("/items")).extracting(r -> param(r, "page")).containsExactly(null, "1", "2");
        assertThat(api.requests("/items")).as("the link's own per_page is not repeated")
                .allMatch(r -> r.getUrl().queryParameterValues("per_page").equals(java.util.List.of("2")));
    }

    @Test
    void cursorFromTheResponseGoesIntoAJsonBody() {
        api.on("/items", r -> {
            String body = ApiServer.body(r);
            boolean second = body.contains("\"cursor\":\"c2\"");
            return json(second ? "{\"results\": " + items(page(3, 2)) + ", \"next\": null}"
                    : "{\"results\": " + items(page(0, 3)) + ", \"next\": \"c2\"}");
        });
        var read = Manifests.read(Manifests.config(manifest("""
                        http_method: POST
                        request_body_json: {filter: {status: active}, size: 3}""", """
                {type: DefaultPaginator,
                        pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"},
                        page_token_option: {type: RequestOption, inject_into: body_json, field_name: cursor}}""",
                "[results]")));
        assertThat(read.ids("items")).containsExactly("1", "2", "3", "4", "5");
        List<RecordedRequest> requests = api.requests("/items");
        assertThat(requests).extracting(RecordedRequest::getMethod).containsOnly("POST");
        assertThat(ApiServer.body(requests.get(0))).isEqualTo("{\"filter\":{\"status\":\"active\"},\"size\":3}");
        assertThat(ApiServer.body(requests.get(1))).contains("\"cursor\":\"c2\"").contains("\"size\":3");
    }

    @Test
    void offsetIncrementStopsOnAShortPage() {
        api.on("/items", r -> {
            int offset = param(r, "offset") == null ? 0 : Integer.parseInt(param(r, "offset"));
            return json(items(page(offset, Integer.parseInt(param(r, "limit")))));
        });
        var read = Manifests.read(Manifests.config(manifest("", """
                {type: DefaultPaginator,
                        pagination_strategy: {type: OffsetIncrement, page_size: 2},
                        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: limit},
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: offset}}""",
                "[]")));
        assertThat(read.ids("items")).containsExactly("1", "2", "3", "4", "5");
        assertThat(api.requests("/items")).extracting(r -> param(r, "offset")).containsExactly(null, "2", "4");
    }

    @Test
    void offsetIncrementWithoutPageSizeStopsOnAnEmptyPageAndCanInjectTheFirstOffset() {
        api.on("/items", r -> json(items(page(Integer.parseInt(param(r, "skip")), 3))));
        var read = Manifests.read(Manifests.config(manifest("", """
                {type: DefaultPaginator,
                        pagination_strategy: {type: OffsetIncrement, inject_on_first_request: true},
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: skip}}""",
                "[]")));
        assertThat(read.ids("items")).containsExactly("1", "2", "3", "4", "5");
        assertThat(api.requests("/items")).extracting(r -> param(r, "skip")).containsExactly("0", "3", "5");
    }

    @Test
    void nextPageTokenIsVisibleToRequesterTemplates() {
        api.on("/items", r -> {
            int from = param(r, "from") == null ? 0 : Integer.parseInt(param(r, "from"));
            return json(items(page(from, 2)));
        });
        String parameters = "request_parameters: {from: \"{{ next_page_token['next_page_token'] }}\", size: \"2\"}";
        var read = Manifests.read(Manifests.config(manifest(parameters,
                "{type: DefaultPaginator, pagination_strategy: {type: OffsetIncrement, page_size: 2}}", "[]")));
        assertThat(read.ids("items")).containsExactly("1", "2", "3", "4", "5");
        assertThat(api.requests("/items")).extracting(r -> param(r, "from")).containsExactly(null, "2", "4");
        assertThat(api.requests("/items")).extracting(r -> param(r, "size")).containsOnly("2");
    }

    @Test
    void pageIncrementCountsPagesFromStartFromPage() {
        api.on("/items", r -> json("{\"page\": {\"items\": " + items(page((Integer.parseInt(param(r, "page")) - 1) * 2,
                Integer.parseInt(param(r, "per_page")))) + "}}"));
        var read = Manifests.read(Manifests.config(manifest("", """
                {type: DefaultPaginator,
                        pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1, inject_on_first_request: true},
                        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page},
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}}""",
                "[page, items]")));
        assertThat(read.ids("items")).containsExactly("1", "2", "3", "4", "5");
        assertThat(api.requests("/items")).extracting(r -> param(r, "page")).containsExactly("1", "2", "3");
    }

    @Test
    void noPaginationReadsOnePage() {
        api.on("/items", r -> json("{\"has_more\": true, \"data\": " + items(page(0, 2)) + "}"));
        var read = Manifests.read(Manifests.config(manifest("", "{type: NoPagination}", "[data]")));
        assertThat(read.ids("items")).containsExactly("1", "2");
        assertThat(api.requests("/items")).hasSize(1);
    }

    @Test
    void aTokenThatNeverChangesFailsInsteadOfLooping() {
        api.on("/items", r -> json("{\"next\": \"same\", \"data\": " + items(page(0, 1)) + "}"));
        assertThatThrownBy(() -> Manifests.read(Manifests.config(manifest("", """
                {type: DefaultPaginator,
                        pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"},
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: cursor}}""",
                "[data]"))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("same next-page token");
        assertThat(api.requests("/items").size()).isLessThanOrEqualTo(3);
        assertThat(new ArrayList<>(api.requests("/items"))).isNotEmpty();
    }
}
