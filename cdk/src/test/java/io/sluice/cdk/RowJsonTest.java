package io.sluice.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRECISE = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final RowSchema ALL_TYPES = RowSchema.of(new RowSchema.JsonSchemaBuilder()
            .property("s", ValueType.STRING)
            .property("i", ValueType.INTEGER)
            .property("n", ValueType.NUMBER)
            .property("b", ValueType.BOOLEAN)
            .property("d", ValueType.DATE)
            .property("t", ValueType.TIME)
            .property("ttz", ValueType.TIME_TZ)
            .property("ts", ValueType.TIMESTAMP)
            .property("tstz", ValueType.TIMESTAMP_TZ)
            .property("o", ValueType.OBJECT)
            .property("a", ValueType.ARRAY)
            .property("j", ValueType.JSON)
            .build());

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    private static Object one(ValueType type, String jsonValue) throws Exception {
        RowSchema schema = RowSchema.of(new RowSchema.JsonSchemaBuilder().property("x", type).build());
        return RowJson.toRow(schema, json("{\"x\":" + jsonValue + "}"))[0];
    }

    @Test
    void readsEveryTypeInSchemaOrder() throws Exception {
        Object[] row = RowJson.toRow(ALL_TYPES, json("""
                {"j": [1, "x"], "a": [1, {"k": true}], "o": {"k": "v", "n": 2},
                 "tstz": "2024-01-02T03:04:05Z", "ts": "2024-01-02T03:04:05", "ttz": "03:04:05+02:00",
                 "t": "03:04:05", "d": "2024-01-02", "b": true, "n": 1.5, "i": 42, "s": "hello"}
                """));

        Map<String, Object> object = new LinkedHashMap<>();
        object.put("k", "v");
        object.put("n", 2L);
        assertThat(row).containsExactly(
                "hello", 42L, 1.5, true, LocalDate.of(2024, 1, 2), LocalTime.of(3, 4, 5),
                OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHours(2)), LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                Instant.parse("2024-01-02T03:04:05Z"), object, List.of(1L, Map.of("k", true)), List.of(1L, "x"));
        assertThat(row[9]).isInstanceOf(LinkedHashMap.class);
        assertThat(row[10]).isInstanceOf(ArrayList.class);
    }

    @Test
    void absentAndNullFieldsAreNullAndUnknownFieldsAreIgnored() throws Exception {
        Object[] row = RowJson.toRow(ALL_TYPES, json("{\"s\": null, \"unknown\": 1, \"i\": 7}"));

        assertThat(row).hasSize(12);
        assertThat(row[0]).isNull();
        assertThat(row[1]).isEqualTo(7L);
        assertThat(row).filteredOn(v -> v != null).hasSize(1);
    }

    @Test
    void readsTimestampsLeniently() throws Exception {
        assertThat(one(ValueType.TIMESTAMP_TZ, "\"2024-01-02T03:04:05.123+02:00\""))
                .isEqualTo(Instant.parse("2024-01-02T01:04:05.123Z"));
        assertThat(one(ValueType.TIMESTAMP_TZ, "\"2024-01-02 03:04:05\""))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(one(ValueType.TIMESTAMP_TZ, "\"2024-01-02T03:04:05+0530\""))
                .isEqualTo(Instant.parse("2024-01-01T21:34:05Z"));
        assertThat(one(ValueType.TIMESTAMP_TZ, "\"2024-01-02 03:04:05-03\""))
                .isEqualTo(Instant.parse("2024-01-02T06:04:05Z"));
        assertThat(one(ValueType.TIMESTAMP_TZ, "\"2024-01-02 03:04:05 +01:00\""))
                .isEqualTo(Instant.parse("2024-01-02T02:04:05Z"));
        assertThat(one(ValueType.TIMESTAMP_TZ, "\"2024-01-02\"")).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(one(ValueType.TIMESTAMP, "\"2024-01-02T03:04:05.123+02:00\""))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000));
        assertThat(one(ValueType.TIMESTAMP, "\"2024-01-02 03:04\"")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4));
        assertThat(one(ValueType.TIMESTAMP, "\"2024-01-02T03:04:05Z\"")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(one(ValueType.DATE, "\"2024-01-02T03:04:05Z\"")).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(one(ValueType.TIME, "\"03:04:05.5Z\"")).isEqualTo(LocalTime.of(3, 4, 5, 500_000_000));
        assertThat(one(ValueType.TIME_TZ, "\"03:04\"")).isEqualTo(OffsetTime.of(3, 4, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void unreadableDateNamesTheField() {
        assertThatThrownBy(() -> one(ValueType.DATE, "\"yesterday\""))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.SYSTEM))
                .hasMessage("stream field 'x': cannot read a JSON string of 9 characters as a date");
        assertThatThrownBy(() -> one(ValueType.TIMESTAMP_TZ, "12345"))
                .hasMessage("stream field 'x': cannot read a JSON number of 5 characters as a timestamp with time zone")
                .hasMessageNotContaining("12345");
        assertThatThrownBy(() -> one(ValueType.INTEGER, "\"1e300000000\""))
                .hasMessageContaining("as an integer");
        assertThatThrownBy(() -> one(ValueType.INTEGER, "\"12 apples\""))
                .hasMessageContaining("'x'").hasMessageContaining("as an integer");
        assertThatThrownBy(() -> one(ValueType.INTEGER, "3.5")).hasMessageContaining("as an integer");
        assertThatThrownBy(() -> one(ValueType.NUMBER, "\"abc\"")).hasMessageContaining("as a number");
        assertThatThrownBy(() -> one(ValueType.BOOLEAN, "\"maybe\"")).hasMessageContaining("as a boolean");
        assertThatThrownBy(() -> one(ValueType.OBJECT, "[1]")).hasMessageContaining("as an object");
        assertThatThrownBy(() -> one(ValueType.ARRAY, "{}")).hasMessageContaining("as an array");
    }

    @Test
    void readsNumbersGivenAsStringsAndKeepsPrecision() throws Exception {
        assertThat(one(ValueType.INTEGER, "\"123\"")).isEqualTo(123L);
        assertThat(one(ValueType.INTEGER, "\" -5 \"")).isEqualTo(-5L);
        assertThat(one(ValueType.INTEGER, "4.0")).isEqualTo(4L);
        assertThat(one(ValueType.INTEGER, "12345678901234567890123"))
                .isEqualTo(new BigInteger("12345678901234567890123"));
        assertThat(one(ValueType.INTEGER, "\"12345678901234567890123\""))
                .isEqualTo(new BigInteger("12345678901234567890123"));
        assertThat(one(ValueType.NUMBER, "\"2.25\"")).isEqualTo(2.25);
        assertThat(one(ValueType.NUMBER, "7")).isEqualTo(7.0);
        assertThat(one(ValueType.NUMBER, "\"NaN\"")).isEqualTo(Double.NaN);
        assertThat(one(ValueType.NUMBER, "\"123456789012345678901234567890.123456789\""))
                .isEqualTo(new BigDecimal("123456789012345678901234567890.123456789"));
        assertThat(one(ValueType.NUMBER, "9007199254740993")).isEqualTo(new BigDecimal("9007199254740993"));
        assertThat(one(ValueType.BOOLEAN, "\"TRUE\"")).isEqualTo(true);
        assertThat(one(ValueType.BOOLEAN, "0")).isEqualTo(false);
        assertThat(one(ValueType.STRING, "12")).isEqualTo("12");
        assertThat(one(ValueType.STRING, "{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(one(ValueType.OBJECT, "\"{\\\"a\\\":1}\"")).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void bigDecimalNodesBecomeDoublesOnlyWhenExact() throws Exception {
        RowSchema schema = RowSchema.of(new RowSchema.JsonSchemaBuilder().property("n", ValueType.NUMBER).build());

        Object exact = RowJson.toRow(schema, (ObjectNode) PRECISE.readTree("{\"n\": 0.1}"))[0];
        Object precise = RowJson.toRow(schema, (ObjectNode) PRECISE.readTree("{\"n\": 0.12345678901234567890123}"))[0];

        assertThat(exact).isEqualTo(0.1);
        assertThat(precise).isEqualTo(new BigDecimal("0.12345678901234567890123"));
    }

    @Test
    void writesIsoTimestampsAndOmitsNulls() throws Exception {
        Object[] row = {"hello", 42L, null, true, LocalDate.of(2024, 1, 2), LocalTime.of(3, 4),
            OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHours(2)), LocalDateTime.of(2024, 1, 2, 3, 4),
            Instant.parse("2024-01-02T03:04:05.120Z"), Map.of("k", "v"), List.of(1L, 2L), null};

        ObjectNode data = RowJson.toJson(ALL_TYPES, row);

        assertThat(data).isEqualTo(json("""
                {"s": "hello", "i": 42, "b": true, "d": "2024-01-02", "t": "03:04:00", "ttz": "03:04:05+02:00",
                 "ts": "2024-01-02T03:04:00", "tstz": "2024-01-02T03:04:05.120Z", "o": {"k": "v"}, "a": [1, 2]}
                """));
        assertThat(data.has("n")).isFalse();
        assertThat(data.has("j")).isFalse();
    }

    @Test
    void rowSurvivesJsonRoundTrip() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("deep", List.of(Map.of("x", 1.5)));
        nested.put("none", null);
        Object[] row = {"text", 1L << 60, 0.25, false, LocalDate.of(1999, 12, 31), LocalTime.of(23, 59, 59, 1000),
            OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHours(-5)), LocalDateTime.of(2024, 2, 29, 12, 0, 1),
            Instant.parse("2024-06-01T10:00:00.000001Z"), nested, List.of("a", 2L), "json"};

        ObjectNode data = RowJson.toJson(ALL_TYPES, row);
        Object[] back = RowJson.toRow(ALL_TYPES, (ObjectNode) JSON.readTree(JSON.writeValueAsString(data)));

        assertThat(back).containsExactly(row);
    }

    @Test
    void plainValuesConvertBothWays() throws Exception {
        JsonNode node = JSON.readTree("""
                {"a": [1, 2.5, "x", null, true], "big": 123456789012345678901234567890, "o": {}}
                """);

        Object plain = RowJson.toPlain(node);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", java.util.Arrays.asList(1L, 2.5, "x", null, true));
        expected.put("big", new BigDecimal("123456789012345678901234567890"));
        expected.put("o", Map.of());
        assertThat(plain).isEqualTo(expected);
        ObjectNode expectedJson = json("{\"a\": [1, 2.5, \"x\", null, true], \"o\": {}}");
        expectedJson.put("big", new BigDecimal("123456789012345678901234567890"));
        expectedJson.set("o", expectedJson.remove("o"));
        assertThat(RowJson.fromPlain(plain)).isEqualTo(expectedJson);
        assertThat(RowJson.toPlain(null)).isNull();
        assertThat(RowJson.fromPlain(null).isNull()).isTrue();
        assertThat(RowJson.fromPlain(new byte[] {1, 2, 3}).textValue()).isEqualTo("AQID");
        assertThat(RowJson.fromPlain(7).longValue()).isEqualTo(7L);
    }

    @Test
    void rejectsRowOfWrongLength() {
        assertThatThrownBy(() -> RowJson.toJson(ALL_TYPES, new Object[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
