package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadingTest {
    private static final String CSV = """
            id,name,price,active,day,at
            1,Ann,9.5,true,2024-01-31,2024-01-31 10:00:00
            2,"Bob, Jr.",10,false,2024-02-01,2024-02-01T11:30:00
            3,,,,,
            """;

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static RowSchema infer(Path file, ReadOptions options) {
        SchemaInference inference = new SchemaInference(options.format().isText());
        FileReading.sample(new LocalFileLocation(file, "url"), options, 1000, inference);
        return RowSchema.of(inference.jsonSchema());
    }

    private static List<Object[]> read(Path file, ReadOptions options, RowSchema schema) {
        List<Object[]> rows = new ArrayList<>();
        FileReading.read(new LocalFileLocation(file, "url"), options, new RowAssembler(schema), rows::add);
        return rows;
    }

    @Test
    void csvTypesAreInferredAndRowsConverted() throws IOException {
        Path file = write("a.csv", CSV.getBytes(StandardCharsets.UTF_8));
        ReadOptions options = ReadOptions.of(FileFormat.CSV);

        RowSchema schema = infer(file, options);

        assertThat(schema.columns()).extracting(RowSchema.Column::name)
                .containsExactly("id", "name", "price", "active", "day", "at");
        assertThat(schema.columns()).extracting(RowSchema.Column::type).containsExactly(ValueType.INTEGER,
                ValueType.STRING, ValueType.NUMBER, ValueType.BOOLEAN, ValueType.DATE, ValueType.TIMESTAMP);
        assertThat(read(file, options, schema)).containsExactly(
                new Object[] {1L, "Ann", 9.5, true, LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 10, 0)},
                new Object[] {2L, "Bob, Jr.", 10.0, false, LocalDate.of(2024, 2, 1), LocalDateTime.of(2024, 2, 1, 11, 30)},
                new Object[] {3L, null, null, null, null, null});
    }

    @Test
    void gzipAndZipAreDetectedByTheirFirstBytes() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("one.csv"));
            out.write("id,name\n1,a\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("dir/"));
            out.putNextEntry(new ZipEntry("dir/two.csv"));
            out.write("id,name\n2,b\n3,c\n".getBytes(StandardCharsets.UTF_8));
        }
        Path gzFile = write("data.bin", gz.toByteArray());
        Path zipFile = write("data.zip", zip.toByteArray());
        ReadOptions options = ReadOptions.of(FileFormat.CSV);

        assertThat(read(gzFile, options, infer(gzFile, options))).hasSize(3);
        RowSchema zipSchema = infer(zipFile, options);
        assertThat(read(zipFile, options, zipSchema))
                .containsExactly(new Object[] {1L, "a"}, new Object[] {2L, "b"}, new Object[] {3L, "c"});
    }

    @Test
    void readerOptionsDelimiterQuoteSkipHeaderNamesEncoding() throws IOException {
        String text = "exported by a tool\n'id';'city'\n1;'Köln; Mitte'\n2;Zürich\n";
        Path file = write("latin.csv", text.getBytes(Charset.forName("ISO-8859-1")));
        ReadOptions options = new ReadOptions(FileFormat.CSV, new CsvOptions(';', '\'',
                Charset.forName("ISO-8859-1"), 1, 0, List.of("key", "place"), ""), Optional.empty());

        RowSchema schema = infer(file, options);

        assertThat(schema.columns()).extracting(RowSchema.Column::name).containsExactly("key", "place");
        assertThat(read(file, options, schema))
                .containsExactly(new Object[] {1L, "Köln; Mitte"}, new Object[] {2L, "Zürich"});
    }

    @Test
    void noHeaderGivesGeneratedNames() throws IOException {
        Path file = write("nohead.tsv", "1\tx\n2\ty\n".getBytes(StandardCharsets.UTF_8));
        CsvOptions tsv = CsvOptions.tsv();
        ReadOptions options = new ReadOptions(FileFormat.TSV, new CsvOptions(tsv.delimiter(), tsv.quote(),
                tsv.encoding(), 0, -1, List.of(), "f"), Optional.empty());

        RowSchema schema = infer(file, options);

        assertThat(schema.columns()).extracting(RowSchema.Column::name).containsExactly("f0", "f1");
        assertThat(read(file, options, schema)).containsExactly(new Object[] {1L, "x"}, new Object[] {2L, "y"});
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsNamesItsLine() throws IOException {
        Path file = write("bad.csv", "a,b\n1,2\n3,4,5\n".getBytes(StandardCharsets.UTF_8));
        ReadOptions options = ReadOptions.of(FileFormat.CSV);
        RowSchema schema = RowSchema.of(new RowSchema.JsonSchemaBuilder()
                .property("a", ValueType.INTEGER).property("b", ValueType.INTEGER).build());

        assertThatThrownBy(() -> read(file, options, schema))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3: expected 2 fields (as in the header), found 3");
    }

    @Test
    void aValueThatDoesNotFitTheSchemaNamesLineAndField() throws IOException {
        Path file = write("late.csv", "a\n1\n2\nx\n".getBytes(StandardCharsets.UTF_8));
        ReadOptions options = ReadOptions.of(FileFormat.CSV);
        RowSchema schema = RowSchema.of(new RowSchema.JsonSchemaBuilder().property("a", ValueType.INTEGER).build());

        assertThatThrownBy(() -> read(file, options, schema))
                .hasMessageContaining("line 4")
                .hasMessageContaining("field \"a\": \"x\" is not an integer");
    }

    @Test
    void invalidUtf8IsReportedWithTheEncodingToSet() throws IOException {
        Path file = write("latin1.csv", "a\nK\u00f6ln\n".getBytes(Charset.forName("ISO-8859-1")));
        ReadOptions options = ReadOptions.of(FileFormat.CSV);

        assertThatThrownBy(() -> infer(file, options)).hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("encoding");
    }

    @Test
    void jsonLinesAndJsonArraysWithNestedValuesAndWidening() throws IOException {
        Path jsonl = write("a.jsonl", """
                {"id": 1, "tags": ["x"], "meta": {"k": "v"}, "n": 1}
                {"id": 2, "tags": [], "meta": null, "n": 2.5, "extra": "2024-05-06T07:08:09Z"}
                """.getBytes(StandardCharsets.UTF_8));
        Path json = write("a.json", """
                [{"id": 1, "tags": ["x"], "meta": {"k": "v"}, "n": 1},
                 {"id": 2, "tags": [], "meta": null, "n": 2.5, "extra": "2024-05-06T07:08:09Z"}]
                """.getBytes(StandardCharsets.UTF_8));

        for (var c : List.of(Map.entry(jsonl, FileFormat.JSONL), Map.entry(json, FileFormat.JSON))) {
            ReadOptions options = ReadOptions.of(c.getValue());
            RowSchema schema = infer(c.getKey(), options);

            assertThat(schema.columns()).extracting(RowSchema.Column::type).containsExactly(ValueType.INTEGER,
                    ValueType.ARRAY, ValueType.OBJECT, ValueType.NUMBER, ValueType.TIMESTAMP_TZ);
            assertThat(read(c.getKey(), options, schema)).containsExactly(
                    new Object[] {1L, List.of("x"), Map.of("k", "v"), 1.0, null},
                    new Object[] {2L, List.of(), null, 2.5, Instant.parse("2024-05-06T07:08:09Z")});
        }
    }

    @Test
    void brokenJsonNamesLineAndColumn() throws IOException {
        Path file = write("bad.jsonl", "{\"a\": 1}\n{\"a\": 2,,}\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> infer(file, ReadOptions.of(FileFormat.JSONL)))
                .hasMessageContaining("line 2, column")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsRefused() throws IOException {
        Path file = write("nums.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> infer(file, ReadOptions.of(FileFormat.JSON)))
                .hasMessageContaining("line 1: expected a JSON object (one record), found a number");
    }

    @Test
    void missingLocalFileNamesTheField() {
        assertThatThrownBy(() -> infer(dir.resolve("nope.csv"), ReadOptions.of(FileFormat.CSV)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining("url: file")
                .hasMessageContaining("does not exist");
    }

    @Test
    void stringColumnsGetNestedValuesAsJsonText() {
        ObjectNode schema = new RowSchema.JsonSchemaBuilder().property("s", ValueType.STRING).build();
        RowAssembler assembler = new RowAssembler(RowSchema.of(schema));

        assembler.field("s", Map.of("a", 1L));

        assertThat(assembler.takeRow()).containsExactly("{\"a\":1}");
    }
}
