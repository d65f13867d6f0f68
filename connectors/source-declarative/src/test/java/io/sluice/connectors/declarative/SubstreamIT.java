package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;
import static io.sluice.connectors.declarative.ApiServer.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.protocol.SyncMode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SubstreamPartitionRouter: a child stream read once per parent record, the partition in path and params. */
class SubstreamIT {
    private final ApiServer api = new ApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void childIsReadForEveryParentRecordWithItsOwnState() {
        api.on("/projects", r -> json(param(r, "page") == null
                ? "{\"projects\": [{\"id\": 10, \"key\": \"p10\"}, {\"id\": 20, \"key\": \"p20\"}], \"next\": 2}"
                : "{\"projects\": [{\"id\": 30, \"key\": \"p30\"}], \"next\": null}"));
        for (int project : List.of(10, 20, 30)) {
            api.on("/projects/" + project + "/tasks", r -> json(project == 20 ? "{\"tasks\": []}"
                    : "{\"tasks\": [{\"id\": \"t" + project + "\", \"updated\": \"2024-02-0" + (project / 10) + "\"}]}"));
        }
        String manifest = """
                version: 6.0.0
                type: DeclarativeSource
                definitions:
                  requester: {type: HttpRequester, url_base: "%s"}
                  projects:
                    type: DeclarativeStream
                    name: projects
                    primary_key: id
                    retriever:
                      type: SimpleRetriever
                      requester: {$ref: "#/definitions/requester", path: /projects}
                      paginator:
                        type: DefaultPaginator
                        pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"}
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [projects]}}
                streams:
                  - $ref: "#/definitions/projects"
                  - type: DeclarativeStream
                    name: tasks
                    primary_key: id
                    retriever:
                      type: SimpleRetriever
                      requester:
                        $ref: "#/definitions/requester"
                        path: "/projects/{{ stream_partition.project_id }}/tasks"
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [tasks]}}
                      partition_router:
                        type: SubstreamPartitionRouter
                        parent_stream_configs:
                          - type: ParentStreamConfig
                            stream: {$ref: "#/definitions/projects"}
                            parent_key: id
                            partition_field: project_id
                            request_option: {type: RequestOption, inject_into: request_parameter, field_name: project}
                    transformations:
                      - type: AddFields
                        fields: [{path: [project_id], value: "{{ stream_partition.project_id }}"}]
                    incremental_sync:
                      type: DatetimeBasedCursor
                      cursor_field: updated
                      datetime_format: "%%Y-%%m-%%d"
                      start_datetime: "2024-01-01"
                      end_datetime: "2024-03-01"
                    schema_loader:
                      type: InlineSchemaLoader
                      schema:
                        type: object
                        properties: {id: {type: string}, updated: {type: string}, project_id: {type: integer}}
                """.formatted(api.url());

        var read = Manifests.read(Manifests.config(manifest), SyncMode.INCREMENTAL, InputState.empty());

        assertThat(read.ids("projects")).containsExactly("10", "20", "30");
        assertThat(read.records("tasks")).extracting(r -> r.path("id").asText() + "/" + r.path("project_id").asInt())
                .containsExactly("t10/10", "t30/30");
        assertThat(api.requests("/projects/20/tasks")).hasSize(1);
        assertThat(param(api.requests("/projects/30/tasks").getFirst(), "project")).isEqualTo("30");
        JsonNode state = read.out().lastState().orElseThrow().stream().orElseThrow().streamState().orElseThrow();
        assertThat(state.path("states")).extracting(s -> s.at("/partition/project_id").asInt() + "="
                + s.at("/cursor/updated").asText()).containsExactly("10=2024-02-01", "30=2024-02-03");
        assertThat(state.at("/states/0/partition/parent_slice").isObject()).isTrue();
    }
}
