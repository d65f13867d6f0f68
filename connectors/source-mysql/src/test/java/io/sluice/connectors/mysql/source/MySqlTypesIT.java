package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.MessageCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every MySQL / MariaDB column type: its JSON schema in discover and its row value in a read. */
class MySqlTypesIT {
    private MySqlTestDatabase db;
    private final MySqlSource source = new MySqlSource();

    @BeforeEach
    void createTable() {
        db = new MySqlTestDatabase(getClass());
        db.sql("""
                CREATE TABLE all_types (
                  id int PRIMARY KEY, flag tinyint(1), yes bool, b1 bit(1), b12 bit(12), ti tinyint, si smallint,
                  mi mediumint unsigned, i int, bi bigint, ubi bigint unsigned, de decimal(30,10), f float,
                  d double, c char(3), vc varchar(20), tx text, lt longtext, e enum('small','large'),
                  s set('x','y'), da date, tm time(2), dt datetime(3), ts timestamp(6) NULL, y year, j json,
                  bin binary(2), vb varbinary(8), bl blob, g point)
                """,
                "SET SESSION time_zone = '+02:00', SESSION sql_mode = ''",
                """
                INSERT INTO all_types VALUES (1, 1, 0, b'1', b'100000000001', -128, -32768, 16777215,
                  -2147483648, -9223372036854775808, 18446744073709551615, 12345678901234567890.0123456789,
                  1.5, 2.25, 'ab', 'héllo', 'text', 'long text', 'large', 'x,y', '2024-02-29', '13:45:30.25',
                  '2024-02-29 23:59:59.123', '2024-03-01 02:00:00.000001', 2024, '{"a": [1, 2.5, "x"], "b": null}',
                  x'00ff', x'cafe', x'010203', ST_GeomFromText('POINT(1 2)'))
                """,
                """
                INSERT INTO all_types (id, da, dt, ts, tm) VALUES
                  (2, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', '-01:00:00'),
                  (3, NULL, NULL, NULL, '100:00:00')
                """,
                "SET SESSION time_zone = SYSTEM",
                "CREATE VIEW typed_view AS SELECT id, flag, dt FROM all_types");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void discoverMapsEveryTypeAndFindsTheKeyAndTheView() {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "all_types");
        assertThat(stream.namespace()).hasValue(db.name());
        assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
        Map<String, String> types = new LinkedHashMap<>();
        stream.jsonSchema().get("properties").properties().forEach(p -> types.put(p.getKey(), describe(p.getValue())));

        assertThat(types).containsExactly(
                Map.entry("id", "integer"), Map.entry("flag", "boolean"), Map.entry("yes", "boolean"),
                Map.entry("b1", "boolean"), Map.entry("b12", "integer"), Map.entry("ti", "integer"),
                Map.entry("si", "integer"), Map.entry("mi", "integer"), Map.entry("i", "integer"),
                Map.entry("bi", "integer"), Map.entry("ubi", "number"), Map.entry("de", "number"),
                Map.entry("f", "number"), Map.entry("d", "number"), Map.entry("c", "string"),
                Map.entry("vc", "string"), Map.entry("tx", "string"), Map.entry("lt", "string"),
                Map.entry("e", "string"), Map.entry("s", "string"), Map.entry("da", "string date"),
                Map.entry("tm", "string time_without_timezone"),
                Map.entry("dt", "string timestamp_without_timezone"),
                Map.entry("ts", "string timestamp_with_timezone"), Map.entry("y", "integer"),
                Map.entry("j", "any"), Map.entry("bin", "string base64"), Map.entry("vb", "string base64"),
                Map.entry("bl", "string base64"), Map.entry("g", "string"));

        AirbyteStream view = SourceReads.stream(source, db.config(), "typed_view");
        assertThat(view.jsonSchema().get("properties").size()).isEqualTo(3);
        assertThat(view.sourceDefinedPrimaryKey()).isEmpty();
    }

    @Test
    void valuesAreReadAsTypedRowValuesAndZeroDatesAsNull() throws Exception {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "all_types");
        CollectingEmitter out = SourceReads.read(source, db.config(), SourceReads.fullRefresh(stream),
                InputState.empty());

        List<Object[]> rows = new ArrayList<>(out.rows(0));
        rows.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
        assertThat(rows).hasSize(3);
        Object[] first = rows.get(0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", RowJson.toPlain(MessageCodec.mapper().readTree("[1, 2.5, \"x\"]")));
        json.put("b", null);
        assertThat(first[25]).isEqualTo(json);
        first[25] = "json checked";
        assertThat(first).containsExactly(1L, true, false, true, 2049L, -128L, -32768L, 16777215L,
                -2147483648L, Long.MIN_VALUE, new BigDecimal("18446744073709551615"),
                new BigDecimal("12345678901234567890.0123456789"), 1.5, 2.25, "ab", "héllo", "text", "long text",
                "large", "x,y", LocalDate.of(2024, 2, 29), LocalTime.of(13, 45, 30, 250_000_000),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_000_000),
                Instant.parse("2024-03-01T00:00:00.000001Z"), 2024L,
                "json checked", "AP8=", "yv4=", "AQID", "POINT(1 2)");
        // zero dates and times of day outside 00:00-24:00 have no value of their type
        assertThat(new Object[] {rows.get(1)[20], rows.get(1)[21], rows.get(1)[22], rows.get(1)[23]}).containsOnlyNulls();
        assertThat(rows.get(2)[21]).isNull();
        assertThat(out.states()).isNotEmpty();
    }

    private static String describe(JsonNode property) {
        if (!property.has("type")) {
            return "any";
        }
        String type = property.get("type").get(1).asText();
        if (property.has("airbyte_type")) {
            return type + " " + property.get("airbyte_type").asText();
        }
        if (property.has("format")) {
            return type + " " + property.get("format").asText();
        }
        if (property.has("contentEncoding")) {
            return type + " " + property.get("contentEncoding").asText();
        }
        return type;
    }
}
