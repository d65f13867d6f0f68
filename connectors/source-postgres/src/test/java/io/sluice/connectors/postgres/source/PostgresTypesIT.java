package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every listed PostgreSQL type: its discovered schema and its values after a full read. */
class PostgresTypesIT {
    private static final String ONE_MB = "x".repeat(1 << 20);
    private PgTestSchema db;
    private final PostgresSource source = new PostgresSource();

    @BeforeEach
    void createTable() {
        db = new PgTestSchema(getClass());
        db.sql("CREATE TYPE $s.mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN $s.positive AS int8 CHECK (VALUE > 0)",
                """
                CREATE TABLE $s.types (id int4 PRIMARY KEY, i2 int2, i8 int8, pos $s.positive, num numeric(30,10),
                  dec decimal, f4 float4, f8 float8, b bool, t text, vc varchar(10), ch char(3), bp bpchar, nm name,
                  d date, tm time, ttz timetz, ts timestamp, tstz timestamptz, js json, jsb jsonb, u uuid,
                  by bytea, ai int4[], at text[], a2 int8[][], atz timestamptz[], m $s.mood, iv interval,
                  mo money, ip inet)
                """,
                """
                INSERT INTO $s.types VALUES (1, -32768, 9223372036854775807, 7, 12345678901234567890.0123456789,
                  0.1, 1.5, 2.25, true, 'héllo 世界 🎉', 'varchar', 'ab', 'bp', 'nm',
                  '2024-02-29', '13:14:15.5', '13:14:15+05:30', '2024-01-02 03:04:05.123456',
                  '2024-03-01 12:34:56.789012+02', '{"a": [1, 2.5, "x", null, true]}', '{"b": {"c": 1}}',
                  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\xdeadbeef', '{1,2,NULL}', '{"a","b c"}',
                  '{{1,2},{3,4}}', '{"2024-01-01 00:00:00+00"}', 'happy', '1 day 02:00:00', 12.34, '10.0.0.1')
                """,
                "INSERT INTO $s.types (id, t) VALUES (2, repeat('x', 1048576))",
                "INSERT INTO $s.types (id) VALUES (3)");
    }

    @AfterEach
    void dropSchema() {
        db.close();
    }

    @Test
    void discoverMapsEveryTypeInColumnOrder() {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "types");
        RowSchema schema = RowSchema.of(stream.jsonSchema());

        Map<String, ValueType> types = new LinkedHashMap<>();
        schema.columns().forEach(c -> types.put(c.name(), c.type()));
        assertThat(types).containsExactly(
                Map.entry("id", ValueType.INTEGER), Map.entry("i2", ValueType.INTEGER),
                Map.entry("i8", ValueType.INTEGER), Map.entry("pos", ValueType.INTEGER),
                Map.entry("num", ValueType.NUMBER), Map.entry("dec", ValueType.NUMBER),
                Map.entry("f4", ValueType.NUMBER), Map.entry("f8", ValueType.NUMBER),
                Map.entry("b", ValueType.BOOLEAN), Map.entry("t", ValueType.STRING),
                Map.entry("vc", ValueType.STRING), Map.entry("ch", ValueType.STRING),
                Map.entry("bp", ValueType.STRING), Map.entry("nm", ValueType.STRING),
                Map.entry("d", ValueType.DATE), Map.entry("tm", ValueType.TIME),
                Map.entry("ttz", ValueType.TIME_TZ), Map.entry("ts", ValueType.TIMESTAMP),
                Map.entry("tstz", ValueType.TIMESTAMP_TZ), Map.entry("js", ValueType.JSON),
                Map.entry("jsb", ValueType.JSON), Map.entry("u", ValueType.STRING),
                Map.entry("by", ValueType.STRING), Map.entry("ai", ValueType.ARRAY),
                Map.entry("at", ValueType.ARRAY), Map.entry("a2", ValueType.ARRAY),
                Map.entry("atz", ValueType.ARRAY), Map.entry("m", ValueType.STRING),
                Map.entry("iv", ValueType.STRING), Map.entry("mo", ValueType.STRING),
                Map.entry("ip", ValueType.STRING));
        JsonNode properties = stream.jsonSchema().get("properties");
        assertThat(properties.get("by").get("contentEncoding").asText()).isEqualTo("base64");
        assertThat(RowSchema.typeOf(properties.get("ai").get("items"))).isEqualTo(ValueType.INTEGER);
        assertThat(RowSchema.typeOf(properties.get("atz").get("items"))).isEqualTo(ValueType.TIMESTAMP_TZ);
        assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
        assertThat(stream.namespace()).contains(db.name());
        assertThat(stream.sourceDefinedCursor()).contains(false);
    }

    @Test
    void binaryCopyGivesTheSameRowsAsTheJdbcCursor() throws Exception {
        db.sql("CREATE TABLE $s.scalars AS SELECT id, i2, i8, pos, num, dec, f4, f8, b, t, vc, ch, bp, nm, d, tm, ttz, "
                        + "ts, tstz, js, jsb, u, by, m, iv, mo, ip, ai, at, a2, atz FROM $s.types",
                "ALTER TABLE $s.scalars ADD COLUMN an numeric[], ADD COLUMN ad date[], ADD COLUMN ats timestamp[], "
                        + "ADD COLUMN ab bool[], ADD COLUMN aby bytea[], ADD COLUMN af float4[], ADD COLUMN ae int4[]",
                "UPDATE $s.scalars SET an = '{1.50,-2,NULL,123456789012345678901234.5}', ad = '{2024-02-29,1999-12-31}', "
                        + "ats = '{\"2024-01-02 03:04:05.123456\"}', ab = '{t,f,NULL}', aby = '{\"\\\\xdeadbeef\"}', "
                        + "af = '{1.1,NaN}', ae = '{}' WHERE id = 1",
                "INSERT INTO $s.scalars (id, num, d, ts, tstz, f8) VALUES (4, 'NaN', 'infinity', '-infinity', "
                        + "'infinity', '-Infinity'), (5, -0.000012, '1999-12-31', '1969-07-20 20:17:40.5', "
                        + "'1900-01-01 00:00:00+00', 0)",
                "INSERT INTO $s.scalars (id, num) SELECT 10 + g, (g * 1234567.891)::numeric / 7 * (g % 3 - 1) "
                        + "FROM generate_series(1, 200) g");
        AirbyteStream stream = SourceReads.stream(source, db.config(), "scalars");
        StreamPlan plan;
        List<Object[]> viaCopy = new java.util.ArrayList<>();
        List<Object[]> viaCursor = new java.util.ArrayList<>();
        try (var connection = new PgConnections(PostgresConfig.from(db.config())).open()) {
            PgTable table = PgCatalog.table(connection, db.name(), "scalars").orElseThrow();
            plan = StreamPlan.of(0, SourceReads.fullRefresh(stream).streams().getFirst(), table);
            assertThat(TableScan.forFullRefresh(plan)).isInstanceOf(CopyScan.class);
            CopyScan.of(plan).orElseThrow().scan(connection, "", viaCopy::add);
            new CursorScan(plan).scan(connection, "", viaCursor::add);
        }
        assertThat(viaCopy).hasSize(205);
        Object[] first = viaCopy.stream().filter(r -> r[0].equals(1L)).findFirst().orElseThrow();
        assertThat(Arrays.asList(first).subList(27, first.length)).containsExactly(
                Arrays.asList(1L, 2L, null), List.of("a", "b c"), List.of(List.of(1L, 2L), List.of(3L, 4L)),
                List.of("2024-01-01T00:00:00Z"),
                Arrays.asList(new BigDecimal("1.50"), new BigDecimal("-2"), null,
                        new BigDecimal("123456789012345678901234.5")),
                List.of("2024-02-29", "1999-12-31"), List.of("2024-01-02T03:04:05.123456"),
                Arrays.asList(true, false, null), List.of("3q2+7w=="), List.of((double) 1.1f, Double.NaN), List.of());
        assertThat(viaCopy.stream().map(Arrays::asList).toList())
                .containsExactlyInAnyOrderElementsOf(viaCursor.stream().map(Arrays::asList).toList());
    }

    @Test
    void arraysOfOtherElementTypesAreTextArraysOnBothPaths() throws Exception {
        db.sql("CREATE TABLE $s.intervals (id int, iv interval[], tms time[], js jsonb[])",
                "INSERT INTO $s.intervals VALUES (1, '{1 day,NULL}', '{13:14:15.5}', ARRAY['{\"a\": 1}'::jsonb])");
        AirbyteStream stream = SourceReads.stream(source, db.config(), "intervals");
        try (var connection = new PgConnections(PostgresConfig.from(db.config())).open()) {
            PgTable table = PgCatalog.table(connection, db.name(), "intervals").orElseThrow();
            StreamPlan plan = StreamPlan.of(0, SourceReads.fullRefresh(stream).streams().getFirst(), table);
            List<Object[]> viaCopy = new java.util.ArrayList<>();
            List<Object[]> viaCursor = new java.util.ArrayList<>();
            TableScan.forFullRefresh(plan).scan(connection, "", viaCopy::add);
            new CursorScan(plan).scan(connection, "", viaCursor::add);
            List<Object> expected = List.of(1L, Arrays.asList("1 day", null), List.of("13:14:15.5"), List.of("{\"a\": 1}"));
            assertThat(Arrays.asList(viaCopy.getFirst())).isEqualTo(expected);
            assertThat(Arrays.asList(viaCursor.getFirst())).isEqualTo(expected);
        }
        assertThat(RowSchema.typeOf(stream.jsonSchema().get("properties").get("iv").get("items")))
                .isEqualTo(ValueType.STRING);
        assertThat(RowSchema.typeOf(stream.jsonSchema().get("properties").get("js").get("items")))
                .isEqualTo(ValueType.STRING);
    }

    @Test
    void fullReadRoundTripsEveryValue() {
        AirbyteStream stream = SourceReads.stream(source, db.config(), "types");
        List<Object[]> rows = SourceReads.read(source, db.config(), SourceReads.fullRefresh(stream), InputState.empty()).rows(0);

        assertThat(rows).hasSize(3);
        Object[] full = rows.stream().filter(r -> r[0].equals(1L)).findFirst().orElseThrow();
        assertThat(Arrays.asList(full).subList(0, 15)).containsExactly(1L, -32768L, Long.MAX_VALUE, 7L,
                new BigDecimal("12345678901234567890.0123456789"), new BigDecimal("0.1"), 1.5, 2.25, true,
                "héllo 世界 🎉", "varchar", "ab ", "bp", "nm", LocalDate.of(2024, 2, 29));
        assertThat(full[15]).isEqualTo(LocalTime.of(13, 14, 15, 500_000_000));
        assertThat(full[16]).isEqualTo(OffsetTime.of(13, 14, 15, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(full[17]).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
        assertThat(full[18]).isEqualTo(Instant.parse("2024-03-01T10:34:56.789012Z"));
        assertThat(full[19]).isEqualTo(Map.of("a", Arrays.asList(1L, 2.5, "x", null, true)));
        assertThat(full[20]).isEqualTo(Map.of("b", Map.of("c", 1L)));
        assertThat(full[21]).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(full[22]).isEqualTo("3q2+7w==");
        assertThat(full[23]).isEqualTo(Arrays.asList(1L, 2L, null));
        assertThat(full[24]).isEqualTo(List.of("a", "b c"));
        assertThat(full[25]).isEqualTo(List.of(List.of(1L, 2L), List.of(3L, 4L)));
        assertThat(full[26]).isEqualTo(List.of("2024-01-01T00:00:00Z"));
        assertThat(full[27]).isEqualTo("happy");
        assertThat(full[28]).isEqualTo("1 day 02:00:00");
        assertThat((String) full[29]).contains("12.34");
        assertThat(full[30]).isEqualTo("10.0.0.1");

        Object[] big = rows.stream().filter(r -> r[0].equals(2L)).findFirst().orElseThrow();
        assertThat(big[9]).isEqualTo(ONE_MB);
        Object[] nulls = rows.stream().filter(r -> r[0].equals(3L)).findFirst().orElseThrow();
        assertThat(Arrays.asList(nulls).subList(1, nulls.length)).containsOnlyNulls();
    }
}
