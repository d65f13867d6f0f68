package io.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message type, written as Airbyte connectors write it (with fields Sluice does not know at
 * every level of the payload), decodes and encodes back to the same JSON tree. Not kept: unknown
 * fields of the envelope itself (next to {@code type}), and absent lists come back as {@code []}.
 */
class MessageRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MessageCodec codec = new MessageCodec();

    static Stream<Arguments> airbyteLines() {
        return Stream.of(
                Arguments.of("RECORD with meta", RecordMessage.class, """
                        {"type": "RECORD", "record": {"namespace": "public", "stream": "users",
                          "data": {"id": 1, "name": "Ada", "tags": ["a", "b"], "address": {"city": "London"}, "score": 1.5},
                          "emitted_at": 1700000000123,
                          "meta": {"changes": [{"field": "bio", "change": "NULLED", "reason": "SOURCE_FIELD_SIZE_LIMITATION"}]},
                          "x_record_extra": {"nested": true}}}
                        """),
                Arguments.of("RECORD without namespace", RecordMessage.class, """
                        {"type": "RECORD", "record": {"stream": "users", "data": {}, "emitted_at": 0}}
                        """),
                Arguments.of("STATE STREAM with sourceStats", StateMessage.class, """
                        {"type": "STATE", "state": {"type": "STREAM",
                          "stream": {"stream_descriptor": {"name": "users", "namespace": "public", "x_descriptor": 1},
                                     "stream_state": {"cursor": "2024-01-02T03:04:05Z", "pk": [1, 2]},
                                     "x_stream_state": "s"},
                          "sourceStats": {"recordCount": 1000.0, "x_stats": {"rejected": 0}},
                          "x_state_extra": 7}}
                        """),
                Arguments.of("STATE GLOBAL", StateMessage.class, """
                        {"type": "STATE", "state": {"type": "GLOBAL",
                          "global": {"shared_state": {"lsn": 23456789},
                                     "stream_states": [
                                       {"stream_descriptor": {"name": "users", "namespace": "public"}, "stream_state": {"done": true}},
                                       {"stream_descriptor": {"name": "orders"}, "stream_state": {"done": false}}],
                                     "x_global": true},
                          "sourceStats": {"recordCount": 12.0},
                          "destinationStats": {"recordCount": 12.0}}}
                        """),
                Arguments.of("STATE LEGACY", StateMessage.class, """
                        {"type": "STATE", "state": {"type": "LEGACY", "data": {"users": {"cursor": 5}}}}
                        """),
                Arguments.of("LOG", LogMessage.class, """
                        {"type": "LOG", "log": {"level": "WARN", "message": "slow query", "stack_trace": "at x",
                          "x_log_extra": "kept"}}
                        """),
                Arguments.of("TRACE error", TraceMessage.class, """
                        {"type": "TRACE", "trace": {"type": "ERROR", "emitted_at": 1700000000123.5,
                          "error": {"message": "Could not connect", "internal_message": "java.net.ConnectException",
                                    "stack_trace": "Traceback...", "failure_type": "config_error",
                                    "stream_descriptor": {"name": "users", "namespace": "public"}, "x_error": "e"},
                          "x_trace_extra": [1]}}
                        """),
                Arguments.of("TRACE estimate", TraceMessage.class, """
                        {"type": "TRACE", "trace": {"type": "ESTIMATE", "emitted_at": 1.5,
                          "estimate": {"name": "users", "type": "STREAM", "namespace": "public",
                                       "row_estimate": 1000, "byte_estimate": 123456, "x_estimate": 2}}}
                        """),
                Arguments.of("TRACE stream_status", TraceMessage.class, """
                        {"type": "TRACE", "trace": {"type": "STREAM_STATUS", "emitted_at": 2.0,
                          "stream_status": {"stream_descriptor": {"name": "users"}, "status": "RUNNING",
                                            "reasons": [{"type": "RATE_LIMITED", "rate_limited": {"quota_reset": 1}}],
                                            "x_status": 3}}}
                        """),
                Arguments.of("TRACE analytics", TraceMessage.class, """
                        {"type": "TRACE", "trace": {"type": "ANALYTICS", "emitted_at": 3.0,
                          "analytics": {"type": "file-size", "value": "12"}}}
                        """),
                Arguments.of("SPEC", SpecMessage.class, """
                        {"type": "SPEC", "spec": {"protocol_version": "0.2.0",
                          "documentationUrl": "https://docs.airbyte.com/integrations/sources/postgres",
                          "changelogUrl": "https://example.com/changes",
                          "connectionSpecification": {"$schema": "http://json-schema.org/draft-07/schema#",
                            "title": "Postgres Source Spec", "type": "object", "required": ["host"],
                            "properties": {"host": {"type": "string", "order": 0},
                                           "password": {"type": "string", "airbyte_secret": true}}},
                          "supportsIncremental": true, "supportsNormalization": false, "supportsDBT": false,
                          "supported_destination_sync_modes": ["append", "overwrite", "append_dedup"],
                          "advanced_auth": {"auth_flow_type": "oauth2.0"}}}
                        """),
                Arguments.of("CATALOG", CatalogMessage.class, """
                        {"type": "CATALOG", "catalog": {"streams": [
                          {"name": "users", "namespace": "public",
                           "json_schema": {"type": "object", "properties": {"id": {"type": "integer"},
                                           "updated_at": {"type": "string", "format": "date-time",
                                                          "airbyte_type": "timestamp_with_timezone"}}},
                           "supported_sync_modes": ["full_refresh", "incremental"],
                           "source_defined_cursor": true, "default_cursor_field": ["updated_at"],
                           "source_defined_primary_key": [["id"]], "is_resumable": true,
                           "x_stream_extra": {"a": 1}},
                          {"name": "events", "json_schema": {"type": "object", "properties": {}},
                           "supported_sync_modes": ["full_refresh"], "default_cursor_field": [],
                           "source_defined_primary_key": []}],
                          "x_catalog": "c"}}
                        """),
                Arguments.of("CONNECTION_STATUS succeeded", ConnectionStatusMessage.class, """
                        {"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED", "x_status": 4}}
                        """),
                Arguments.of("CONNECTION_STATUS failed", ConnectionStatusMessage.class, """
                        {"type": "CONNECTION_STATUS", "connectionStatus": {"status": "FAILED",
                          "message": "password authentication failed for user \\"airbyte\\""}}
                        """),
                Arguments.of("CONTROL", ControlMessage.class, """
                        {"type": "CONTROL", "control": {"type": "CONNECTOR_CONFIG", "emitted_at": 1700000000000.0,
                          "connectorConfig": {"config": {"access_token": "new", "refresh_token": "r"}, "x_config": 5},
                          "x_control_extra": null}}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("airbyteLines")
    void decodesAndEncodesBackTheSameTree(String name, Class<? extends Message> type, String json) throws Exception {
        String line = JSON.readTree(json).toString();

        Message message = codec.decode(line);
        String encoded = codec.encode(message);

        assertThat(message).isInstanceOf(type);
        assertThat(encoded).doesNotContain("\n");
        assertThat(JSON.readTree(encoded)).isEqualTo(JSON.readTree(line));
    }

    @Test
    void stateWithoutTypeIsLegacy() {
        StateMessage state = (StateMessage) codec.decode("{\"type\":\"STATE\",\"state\":{\"data\":{\"a\":1}}}");

        assertThat(state.type()).isEqualTo(StateMessage.StateType.LEGACY);
        assertThat(state.data()).hasValueSatisfying(d -> assertThat(d.get("a").asInt()).isEqualTo(1));
    }

    @Test
    void decodedValuesAreReadable() throws Exception {
        RecordMessage record = (RecordMessage) codec.decode(JSON.readTree("""
                {"type": "RECORD", "record": {"namespace": "public", "stream": "users", "data": {"id": 7},
                 "emitted_at": 1700000000123, "x": 1}}
                """).toString());
        ConnectionStatusMessage status = (ConnectionStatusMessage) codec.decode(
                "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"FAILED\",\"message\":\"no\"}}");

        assertThat(record.descriptor()).isEqualTo(StreamDescriptor.of("public", "users"));
        assertThat(record.data().get("id").asInt()).isEqualTo(7);
        assertThat(record.emittedAt()).isEqualTo(1700000000123L);
        assertThat(record.unknownFields()).containsOnlyKeys("x");
        assertThat(status.connectionStatus().isSucceeded()).isFalse();
        assertThat(status.connectionStatus().message()).contains("no");
    }

    @Test
    void descriptorIdentityIgnoresUnknownFields() throws Exception {
        StreamDescriptor withExtra = MessageCodec.mapper().treeToValue(
                JSON.readTree("{\"name\": \"users\", \"namespace\": \"public\", \"x\": 1}"), StreamDescriptor.class);

        assertThat(withExtra).isEqualTo(StreamDescriptor.of("public", "users"));
        assertThat(withExtra.hashCode()).isEqualTo(StreamDescriptor.of("public", "users").hashCode());
        assertThat(withExtra.unknownFields()).containsOnlyKeys("x");
    }
}
