package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.cdc.ContinuousMode;
import io.sluice.protocol.MessageCodec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The CDC config, offsets and row conversion, without a server. */
class CdcPiecesTest {

    @Test
    void cdcSettingsUseAirbytesNamesAndDefaults() throws Exception {
        JsonNode config = json("""
                {"host": "h", "port": 5432, "database": "d", "username": "u",
                 "replication_method": {"method": "CDC", "replication_slot": "s", "publication": "p"}}""");
        CdcSettings cdc = PostgresConfig.from(config).cdc().orElseThrow();

        assertThat(cdc).isEqualTo(new CdcSettings("s", "p", Duration.ofSeconds(300), CdcSettings.LsnCommit.AFTER_LOADING, false));
        ((ObjectNode) config.get("replication_method")).put("lsn_commit_behaviour", "While reading Data")
                .put("initial_waiting_seconds", 60);
        assertThat(PostgresConfig.from(config).cdc().orElseThrow().commitBehaviour())
                .isEqualTo(CdcSettings.LsnCommit.WHILE_READING);
        assertThat(PostgresConfig.from(ContinuousMode.request((ObjectNode) config)).cdc().orElseThrow().continuous())
                .isTrue();
        assertThat(PostgresConfig.from(json("""
                {"host": "h", "port": 5432, "database": "d", "username": "u", "replication_method": {"method": "Standard"}}""")).cdc())
                .isEmpty();
    }

    @Test
    void aCdcConfigWithoutItsSlotNamesTheField() throws Exception {
        List<ConfigError> problems = PostgresConfig.validate(json("""
                {"host": "h", "database": "d", "username": "u",
                 "replication_method": {"method": "CDC", "publication": "p", "lsn_commit_behaviour": "sometimes"}}"""));

        assertThat(problems.toString()).contains("replication_method");
    }

    @Test
    void offsetsBecomeTheEntryDebeziumLooksUp() {
        ObjectNode shared = CdcOffsets.shared(Map.of("server", "sluice"), Map.of("lsn", 123456789L, "txId", 7));

        Map<ByteBuffer, ByteBuffer> entries = CdcOffsets.entries(shared);

        assertThat(CdcOffsets.lsn(shared)).hasValue(123456789L);
        Map.Entry<ByteBuffer, ByteBuffer> entry = entries.entrySet().iterator().next();
        assertThat(text(entry.getKey())).isEqualTo("[\"sluice-postgres-cdc\",{\"server\":\"sluice\"}]");
        assertThat(text(entry.getValue())).contains("\"lsn\":123456789", "\"txId\":7");
    }

    @Test
    void anAcknowledgedOffsetGoesBackToDebeziumWithItsNumbersAsLongs() throws Exception {
        // As a saved state reads back: small numbers parse as Integer, and Debezium casts its LSNs to Long.
        JsonNode shared = json("""
                {"partition": {"server": "sluice"}, "offset": {"lsn_proc": 26553144, "lsn_commit": 26553040,
                 "lsn": 26553144, "txId": 734, "ts_usec": 1795631201422128, "messageType": "UPDATE"}}""");

        Map<String, Object> offset = CdcOffsets.offset(shared);

        assertThat(offset).containsEntry("lsn_proc", 26553144L).containsEntry("lsn_commit", 26553040L)
                .containsEntry("txId", 734L).containsEntry("ts_usec", 1795631201422128L)
                .containsEntry("messageType", "UPDATE");
        assertThat(offset.get("lsn")).isInstanceOf(Long.class);
    }

    @Test
    void changeEventsBecomeRowsWithTheCdcColumns() {
        Schema row = SchemaBuilder.struct()
                .field("id", Schema.INT32_SCHEMA)
                .field("amount", SchemaBuilder.string().name("io.debezium.data.VariableScaleDecimal").optional().build())
                .field("day", SchemaBuilder.int32().name("io.debezium.time.Date").optional().build())
                .field("at", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
                .field("atz", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build())
                .field("doc", SchemaBuilder.string().name("io.debezium.data.Json").optional().build())
                .optional().build();
        Schema source = SchemaBuilder.struct().field("schema", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA)
                .field("lsn", Schema.INT64_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA)
                .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema envelope = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).field("before", row)
                .field("after", row).field("source", source).build();
        Struct image = new Struct(row).put("id", 7).put("amount", "12.50").put("day", 19_723)
                .put("at", 1_704_067_200_000_001L).put("atz", "2024-01-01T00:00:00Z").put("doc", "{\"k\":[1,2]}");
        Struct src = new Struct(source).put("schema", "s").put("table", "t").put("lsn", 99L)
                .put("ts_ms", 1_704_067_200_000L).put("snapshot", "false");
        RowSchema schema = RowSchema.of(json("""
                {"type": "object", "properties": {"id": {"type": "integer"}, "amount": {"type": "number"},
                 "day": {"type": "string", "format": "date"},
                 "at": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_without_timezone"},
                 "atz": {"type": "string", "format": "date-time"}, "doc": {},
                 "_ab_cdc_lsn": {"type": "integer"}, "_ab_cdc_updated_at": {"type": "string", "format": "date-time"},
                 "_ab_cdc_deleted_at": {"type": "string", "format": "date-time"}}}"""));
        CdcRows rows = new CdcRows(Map.of("s.t", 0), List.of(schema));

        Object[] upsert = rows.change(record(new Struct(envelope).put("op", "u").put("after", image).put("source", src)))
                .orElseThrow().row();
        Object[] delete = rows.change(record(new Struct(envelope).put("op", "d").put("before",
                new Struct(row).put("id", 7)).put("source", src))).orElseThrow().row();

        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(upsert).containsExactly(7L, new BigDecimal("12.50"), LocalDate.of(2024, 1, 1),
                LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1000), at, Map.of("k", List.of(1L, 2L)), 99L, at, null);
        assertThat(delete).containsExactly(7L, null, null, null, null, null, 99L, at, at);
        assertThat(schema.column(5).type()).isEqualTo(ValueType.JSON);
    }

    private static SourceRecord record(Struct value) {
        return new SourceRecord(Map.of(), Map.of(), "topic", value.schema(), value);
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    private static JsonNode json(String text) {
        try {
            return MessageCodec.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
