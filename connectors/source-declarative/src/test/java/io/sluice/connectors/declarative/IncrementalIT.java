package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;
import static io.sluice.connectors.declarative.ApiServer.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DatetimeBasedCursor: the slices it requests, the states it emits, and a second sync from that state. */
class IncrementalIT {
    private final ApiServer api = new ApiServer();
    private final List<Map<String, String>> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        api.close();
    }

    private void serveEvents() {
        api.on("/events", r -> {
            Instant since = Instant.parse(param(r, "since"));
            Instant until = Instant.parse(param(r, "until"));
            String board = param(r, "board");
            String data = events.stream()
                    .filter(e -> board == null || board.equals(e.get("board")))
                    .filter(e -> {
                        Instant at = Instant.parse(e.get("updated_at"));
                        return !at.isBefore(since) && !at.isAfter(until);
                    })
                    .map(e -> "{\"id\": \"" + e.get("id") + "\", \"board\": \"" + e.get("board") + "\", \"updated_at\": \""
                            + e.get("updated_at") + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            return json("{\"events\": " + data + "}");
        });
    }

    private void event(String id, String board, String at) {
        events.add(Map.of("id", id, "board", board, "updated_at", at));
    }

    private String manifest(String router) {
        return """
                version: 6.0.0
                type: DeclarativeSource
                spec:
                  type: Spec
                  connection_specification:
                    type: object
                    required: [start_date]
                    properties:
                      start_date: {type: string, pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
                      end_date: {type: string}
                streams:
                  - type: DeclarativeStream
                    name: events
                    primary_key: id
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "%s"
                        path: /events
                        request_parameters:
                          day: "{{ format_datetime(stream_interval.start_time, '%%Y%%m%%d') }}"
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [events]}}
                %s
                    incremental_sync:
                      type: DatetimeBasedCursor
                      cursor_field: updated_at
                      datetime_format: "%%Y-%%m-%%dT%%H:%%M:%%SZ"
                      start_datetime:
                        type: MinMaxDatetime
                        datetime: "{{ config['start_date'] }}"
                        datetime_format: "%%Y-%%m-%%d"
                      end_datetime: "{{ config['end_date'] }}"
                      step: P1D
                      cursor_granularity: PT1S
                      lookback_window: P1D
                      start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}
                      end_time_option: {type: RequestOption, inject_into: request_parameter, field_name: until}
                    schema_loader:
                      type: InlineSchemaLoader
                      schema:
                        type: object
                        properties:
                          id: {type: string}
                          board: {type: string}
                          updated_at: {type: string, format: date-time}
                """.formatted(api.url(), router.indent(6).stripTrailing());
    }

    private static List<String> slices(List<RecordedRequest> requests) {
        return requests.stream().map(r -> param(r, "since") + ".." + param(r, "until")).toList();
    }

    private static JsonNode streamState(StateMessage state) {
        return state.stream().orElseThrow().streamState().orElseThrow();
    }

    @Test
    void dailySlicesWithGranularityThenLookbackOnTheSecondSync() {
        serveEvents();
        event("e1", "a", "2024-01-01T10:00:00Z");
        event("e2", "a", "2024-01-02T05:00:00Z");
        event("e3", "a", "2024-01-03T12:00:00Z");
        var config = Manifests.config(manifest(""), "{\"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-03T23:59:59Z\"}");

        var first = Manifests.read(config, SyncMode.INCREMENTAL, InputState.empty());

        assertThat(first.ids("events")).containsExactly("e1", "e2", "e3");
        assertThat(slices(api.requests("/events"))).containsExactly(
                "2024-01-01T00:00:00Z..2024-01-01T23:59:59Z",
                "2024-01-02T00:00:00Z..2024-01-02T23:59:59Z",
                "2024-01-03T00:00:00Z..2024-01-03T23:59:59Z");
        assertThat(api.requests("/events")).extracting(r -> param(r, "day")).containsExactly("20240101", "20240102", "20240103");
        assertThat(first.out().states()).extracting(s -> streamState(s).path("updated_at").asText())
                .containsExactly("2024-01-01T10:00:00Z", "2024-01-02T05:00:00Z", "2024-01-03T12:00:00Z");
        assertThat(first.out().recordsBeforeStates()).containsExactly(1, 2, 3);

        event("e4", "a", "2024-01-03T20:00:00Z");
        int before = api.requests("/events").size();
        var second = Manifests.read(config, SyncMode.INCREMENTAL, first.state());

        List<RecordedRequest> secondRequests = api.requests("/events").subList(before, api.requests("/events").size());
        assertThat(slices(secondRequests)).as("resumes one lookback day before the saved cursor").containsExactly(
                "2024-01-02T12:00:00Z..2024-01-03T11:59:59Z",
                "2024-01-03T12:00:00Z..2024-01-03T23:59:59Z");
        assertThat(second.ids("events")).containsExactly("e3", "e4");
        assertThat(streamState(second.out().lastState().orElseThrow()).path("updated_at").asText())
                .isEqualTo("2024-01-03T20:00:00Z");
    }

    @Test
    void listPartitionsKeepTheirOwnCursors() {
        serveEvents();
        event("a1", "a", "2024-01-01T10:00:00Z");
        event("b1", "b", "2024-01-02T10:00:00Z");
        var config = Manifests.config(manifest("""
                partition_router:
                  type: ListPartitionRouter
                  values: [a, b]
                  cursor_field: board
                  request_option: {type: RequestOption, inject_into: request_parameter, field_name: board}"""),
                "{\"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-02T23:59:59Z\"}");

        var first = Manifests.read(config, SyncMode.INCREMENTAL, InputState.empty());

        assertThat(first.ids("events")).containsExactly("a1", "b1");
        assertThat(api.requests("/events")).extracting(r -> param(r, "board")).containsExactly("a", "a", "b", "b");
        JsonNode state = streamState(first.out().lastState().orElseThrow());
        assertThat(state.path("states")).hasSize(2);
        assertThat(state.at("/states/0/partition/board").asText()).isEqualTo("a");
        assertThat(state.at("/states/0/cursor/updated_at").asText()).isEqualTo("2024-01-01T10:00:00Z");
        assertThat(state.at("/states/1/partition/board").asText()).isEqualTo("b");
        assertThat(state.at("/states/1/cursor/updated_at").asText()).isEqualTo("2024-01-02T10:00:00Z");

        int before = api.requests("/events").size();
        Manifests.read(config, SyncMode.INCREMENTAL, first.state());
        List<RecordedRequest> second = api.requests("/events").subList(before, api.requests("/events").size());
        assertThat(second).extracting(r -> param(r, "board") + "@" + param(r, "since")).containsExactly(
                "a@2024-01-01T00:00:00Z", "a@2024-01-02T00:00:00Z",
                "b@2024-01-01T10:00:00Z", "b@2024-01-02T10:00:00Z");
    }
}
