package io.sluice.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every column type written and read back, in both COPY formats. */
class TypesRoundTripIT {
    private static final String TRICKY = "tab\there\nnew line\r\\back\\slash \\N end";
    private static final String UNICODE = "Grüße, 東京, emoji 😀🎉, NUL\u0000gone";
    private static final String BIG = "x".repeat(1 << 20);

    private final TestDatabase database = new TestDatabase(TypesRoundTripIT.class);

    @AfterEach
    void dropSchemas() {
        database.close();
    }

    static ObjectNode schema() {
        ObjectNode floatSchema = JsonSchemas.of(ValueType.NUMBER).put("airbyte_type", "float");
        ObjectNode nested = JsonNodeFactory.instance.objectNode();
        nested.set("day", JsonSchemas.of(ValueType.DATE));
        nested.set("count", JsonSchemas.of(ValueType.INTEGER));
        return new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("amount", ValueType.NUMBER)
                .property("ratio", floatSchema)
                .property("flag", ValueType.BOOLEAN)
                .property("label", ValueType.STRING)
                .property("day", ValueType.DATE)
                .property("at_time", ValueType.TIME)
                .property("at_time_tz", ValueType.TIME_TZ)
                .property("local_ts", ValueType.TIMESTAMP)
                .property("ts", ValueType.TIMESTAMP_TZ)
                .property("doc", ValueType.OBJECT)
                .property("tags", JsonSchemas.arrayOf(JsonSchemas.of(ValueType.STRING)))
                .property("anything", ValueType.JSON)
                .property("nested", JsonSchemas.object(nested))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "text"})
    void valuesRoundTrip(String format) {
        ObjectNode config = database.config().put("copy_format", format);
        String s = config.path("schema").asText();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("k", "v\t\"q\"");
        doc.put("n", new BigDecimal("1.5"));
        doc.put("list", List.of(1L, 2L));
        Object[] full = {1L, new BigDecimal("12345678901234567890.123456789"), 0.1, true, TRICKY,
            LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 58, 123_456_000), OffsetTime.of(10, 15, 0, 0, ZoneOffset.ofHours(2)),
            LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000), Instant.parse("2025-10-16T10:00:00.123456Z"),
            doc, List.of("a", "b"), "just a string", Map.of("day", "2024-03-01", "count", 7L)};
        Object[] unicode = {2L, new BigDecimal("-0.00001"), -1.5e300, false, UNICODE, LocalDate.of(1, 1, 1),
            LocalTime.MIDNIGHT, OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30)),
            LocalDateTime.of(2262, 4, 11, 0, 0), Instant.parse("1970-01-01T00:00:00Z"),
            Map.of(), List.of(), 42L, Map.of("day", "not a date", "count", "x")};
        Object[] nulls = {3L, null, null, null, null, null, null, null, null, null, null, null, null, null};
        Object[] big = {4L, Double.valueOf(2.5), 1.0, true, BIG, null, null, null, null, null, null, null, null, null};
        Object[] special = {5L, BigDecimal.ZERO, Double.NaN, true, "", null, null, null, null, null, null, null, null, null};
        Object[] nan = {6L, Double.NaN, Double.POSITIVE_INFINITY, null, null, null, null, null, null, null, null, null,
            null, null};

        new PostgresDestination().write(config, Fixtures.catalog(null, "typed", schema(), DestinationSyncMode.APPEND),
                new ListRecordInput(List.of(Fixtures.rows(full, unicode, nulls, big, special, nan))),
                new RecordingAcknowledger());

        assertThat(TestDatabase.columnTypes(s, "typed")).containsAllEntriesOf(Map.ofEntries(
                Map.entry("amount", "numeric"), Map.entry("ratio", "double precision"), Map.entry("flag", "boolean"),
                Map.entry("day", "date"), Map.entry("at_time", "time without time zone"),
                Map.entry("at_time_tz", "time with time zone"), Map.entry("local_ts", "timestamp without time zone"),
                Map.entry("ts", "timestamp with time zone"), Map.entry("doc", "jsonb"), Map.entry("tags", "jsonb"),
                Map.entry("anything", "jsonb"), Map.entry("nested_day", "date"), Map.entry("nested_count", "bigint")));
        List<Map<String, Object>> rows = TestDatabase.query("SELECT id, amount::text AS amount, ratio, flag, label,"
                + " day::text AS day, at_time::text AS at_time, at_time_tz::text AS at_time_tz, local_ts::text AS local_ts,"
                + " to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS ts, doc::text AS doc, tags::text AS tags,"
                + " anything::text AS anything, nested_day::text AS nested_day, nested_count FROM " + s
                + ".typed ORDER BY id");
        assertThat(rows.get(0)).containsEntry("amount", "12345678901234567890.123456789").containsEntry("ratio", 0.1)
                .containsEntry("flag", true).containsEntry("label", TRICKY).containsEntry("day", "2024-02-29")
                .containsEntry("at_time", "23:59:58.123456").containsEntry("at_time_tz", "10:15:00+02")
                .containsEntry("local_ts", "1999-12-31 23:59:59.999999")
                .containsEntry("ts", "2025-10-16 10:00:00.123456")
                .containsEntry("doc", "{\"k\": \"v\\t\\\"q\\\"\", \"n\": 1.5, \"list\": [1, 2]}")
                .containsEntry("tags", "[\"a\", \"b\"]").containsEntry("anything", "\"just a string\"")
                .containsEntry("nested_day", "2024-03-01").containsEntry("nested_count", 7L);
        assertThat(rows.get(1)).containsEntry("amount", "-0.00001").containsEntry("ratio", -1.5e300)
                .containsEntry("flag", false).containsEntry("label", "Grüße, 東京, emoji 😀🎉, NULgone")
                .containsEntry("day", "0001-01-01").containsEntry("at_time", "00:00:00")
                .containsEntry("at_time_tz", "00:00:00-05:30").containsEntry("local_ts", "2262-04-11 00:00:00")
                .containsEntry("ts", "1970-01-01 00:00:00.000000").containsEntry("doc", "{}")
                .containsEntry("tags", "[]").containsEntry("anything", "42")
                .containsEntry("nested_day", null).containsEntry("nested_count", null);
        assertThat(rows.get(2).values().stream().skip(1)).allMatch(v -> v == null);
        assertThat(rows.get(3)).containsEntry("amount", "2.5").containsEntry("label", BIG);
        assertThat(rows.get(4)).containsEntry("amount", "0").containsEntry("label", "")
                .satisfies(r -> assertThat((Double) r.get("ratio")).isNaN());
        assertThat(rows.get(5)).containsEntry("amount", "NaN").containsEntry("ratio", Double.POSITIVE_INFINITY);
        assertThat(TestDatabase.query("SELECT _airbyte_data->>'label' AS label FROM " + s
                + "._airbyte_raw_typed WHERE _airbyte_data->>'id' = '1'")).containsExactly(Map.of("label", TRICKY));
    }
}
