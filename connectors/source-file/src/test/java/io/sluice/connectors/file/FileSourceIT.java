package io.sluice.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.connectors.files.testing.S3TestServer;
import io.sluice.connectors.files.testing.SampleFiles;
import io.sluice.protocol.ConnectionStatus;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's configuration, reader options, and the errors a user sees, against real HTTP and S3 servers. */
class FileSourceIT {
    private static HttpFiles http;
    private static S3TestServer s3;
    private final FileSource source = new FileSource();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        http = new HttpFiles();
        s3 = new S3TestServer();
        s3.createBucket("lake");
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        s3.close();
    }

    /** The seed's "File Source (CSV)": Dataset Name sales_data, Format CSV, Provider Storage HTTPS. */
    @Test
    void theSeedsFileSourceConfigurationWorks() {
        String csv = """
                order_id,region,amount,order_date
                1001,EMEA,250.00,2024-03-01
                1002,APAC,99.90,2024-03-02
                """;
        String url = http.serve("/sales.csv", csv.getBytes(StandardCharsets.UTF_8));
        ObjectNode config = Configs.https("sales_data", "csv", url);

        assertThat(source.check(config).status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
        Reads.Result result = Reads.discoverAndRead(source, config);

        assertThat(result.stream().name()).isEqualTo("sales_data");
        assertThat(RowSchema.of(result.stream().jsonSchema()).columns()).extracting(RowSchema.Column::type)
                .containsExactly(ValueType.INTEGER, ValueType.STRING, ValueType.NUMBER, ValueType.DATE);
        assertThat(result.rows()).containsExactly(
                new Object[] {1001L, "EMEA", 250.0, LocalDate.of(2024, 3, 1)},
                new Object[] {1002L, "APAC", 99.9, LocalDate.of(2024, 3, 2)});
        assertThat(http.userAgents()).allMatch(HttpFileLocation.SLUICE_USER_AGENT::equals);
    }

    @Test
    void userAgentOptionSendsABrowserUserAgent() {
        String url = http.serve("/ua.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        ObjectNode config = Configs.https("ua", "csv", url);
        ((ObjectNode) config.get("provider")).put("user_agent", true);

        assertThat(Reads.discoverAndRead(source, config).rows()).hasSize(1);
        assertThat(http.userAgents()).contains(HttpFileLocation.BROWSER_USER_AGENT);
    }

    @Test
    void readerOptionsAsAirbyteWritesThem() throws Exception {
        String text = "# export of 2024-03-01\nkey|city|note\n7|Köln|'a|b'\n8|Zürich|\n";
        Path file = Files.write(dir.resolve("cities.txt"), text.getBytes(Charset.forName("ISO-8859-1")));
        ObjectNode config = Configs.local("cities", "csv", file.toString());
        config.put("reader_options", "{'sep': '|', 'quotechar': \"'\", 'encoding': 'latin-1', 'skiprows': 1, "
                + "'header': 0, 'names': ['id', 'city', 'note'], 'dtype': 'str'}");

        Reads.Result result = Reads.discoverAndRead(source, config);

        assertThat(RowSchema.of(result.stream().jsonSchema()).columns()).extracting(RowSchema.Column::name)
                .containsExactly("id", "city", "note");
        assertThat(result.rows()).containsExactly(new Object[] {7L, "Köln", "a|b"}, new Object[] {8L, "Zürich", null});
    }

    @Test
    void headerNoneNamesColumnsByPosition() throws Exception {
        Path file = Files.write(dir.resolve("nohead.tsv"), "1\tx\n2\ty\n".getBytes(StandardCharsets.UTF_8));
        ObjectNode config = Configs.local("nohead", "tsv", file.toString()).put("reader_options", "{\"header\": null}");

        Reads.Result result = Reads.discoverAndRead(source, config);

        assertThat(RowSchema.of(result.stream().jsonSchema()).columns()).extracting(RowSchema.Column::name)
                .containsExactly("0", "1");
        assertThat(result.rows()).containsExactly(new Object[] {1L, "x"}, new Object[] {2L, "y"});
    }

    @Test
    void httpNotFoundAndForbiddenAreConfigErrorsNamingTheUrlWithoutItsQuery() {
        String missing = http.url("/gone.csv") + "?sig=secret-token";
        String forbidden = http.url("/private/x.csv");

        assertThat(source.check(Configs.https("d", "csv", missing)).message()).get().asString()
                .contains("url: " + http.url("/gone.csv") + " not found (HTTP 404)").doesNotContain("secret-token");
        assertThat(source.check(Configs.https("d", "csv", forbidden)).message()).get().asString()
                .contains("access denied (HTTP 403)");
        assertThatThrownBy(() -> source.discover(Configs.https("d", "csv", missing)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG));
    }

    @Test
    void aRowWithTheWrongFieldCountNamesTheFileAndLine() throws Exception {
        Path file = Files.write(dir.resolve("ragged.csv"), "a,b\n1,2\n3,4\n5\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Reads.discoverAndRead(source, Configs.local("r", "csv", file.toString())))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 4: expected 2 fields (as in the header), found 1");
    }

    @Test
    void badFormatsAndOptionsAreRefusedNamingTheField() throws Exception {
        Path file = Files.write(dir.resolve("x.csv"), "a\n1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(source.check(Configs.local("x", "excel", file.toString())).message()).get().asString()
                .contains("format \"excel\" is not supported by Sluice's source-file; use one of csv, tsv, json, "
                        + "jsonl, parquet");
        assertThat(source.check(Configs.local("x", "csv", file.toString()).put("reader_options", "{sep"))
                .message()).get().asString().contains("reader_options is not valid JSON");
        assertThat(source.check(Configs.local("x", "csv", file.toString()).put("reader_options", "{\"sep\": \"::\"}"))
                .message()).get().asString().contains("reader_options.sep must be a single character");
        assertThat(source.check(Configs.local("x", "csv", file.toString()).put("reader_options",
                "{\"encoding\": \"klingon\"}")).message()).get().asString()
                .contains("reader_options.encoding unknown encoding \"klingon\"");
        assertThat(source.check(Configs.https("x", "csv", "s3://bucket/key")).message()).get().asString()
                .contains("url must start with https:// or http://");
    }

    @Test
    void aFileInTheWrongFormatSaysSo() throws Exception {
        Path file = Files.write(dir.resolve("really.csv"), SampleFiles.CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(source.check(Configs.local("x", "jsonl", file.toString())).message()).get().asString()
                .contains(file.toString()).contains("line 1, column").contains("not valid JSON");
        assertThat(source.check(Configs.local("x", "parquet", file.toString())).message()).get().asString()
                .contains("not a readable Parquet file");
    }

    @Test
    void s3ErrorsNameTheFieldAndNeverTheSecret() throws Exception {
        s3.put("lake", "ok.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        ObjectNode missingKey = Configs.s3("d", "csv", "s3://lake/nope.csv", s3);
        ObjectNode missingBucket = Configs.s3("d", "csv", "s3://nobucket/ok.csv", s3);
        ObjectNode wrongSecret = Configs.s3("d", "csv", "s3://lake/ok.csv", s3);
        ((ObjectNode) wrongSecret.get("provider")).put("aws_secret_access_key", "wrong-secret-value");
        ObjectNode unreachable = Configs.s3("d", "csv", "s3://lake/ok.csv", s3);
        ((ObjectNode) unreachable.get("provider")).put("endpoint", "http://127.0.0.1:1");

        assertThat(source.check(Configs.s3("d", "csv", "s3://lake/ok.csv", s3)).isSucceeded()).isTrue();
        assertThat(source.check(missingKey).message()).get().asString()
                .contains("s3://lake/nope.csv").contains("does not exist");
        assertThat(source.check(missingBucket).message()).get().asString()
                .contains("url: bucket \"nobucket\" does not exist");
        assertThat(source.check(wrongSecret).message()).get().asString()
                .contains("provider.aws_secret_access_key").doesNotContain("wrong-secret-value")
                .doesNotContain(S3TestServer.SECRET_KEY);
        assertThat(source.check(unreachable).message()).get().asString()
                .contains("provider.endpoint: cannot reach http://127.0.0.1:1");
    }
}
