package io.sluice.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import io.sluice.connectors.files.testing.S3TestServer;
import io.sluice.connectors.files.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format, plain, gzip and zip, from a local path, a real HTTP server and S3 (S3Proxy):
 * discover infers the sample's column types and read gives its exact rows.
 */
class FileFormatsIT {
    private static final String BUCKET = "files";
    private static HttpFiles http;
    private static S3TestServer s3;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        http = new HttpFiles();
        s3 = new S3TestServer();
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        s3.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String format : List.of("csv", "tsv", "json", "jsonl", "parquet")) {
            for (String packing : List.of("plain", "gzip", "zip")) {
                for (String location : List.of("local", "http", "s3")) {
                    cases.add(Arguments.of(format, packing, location));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} from {2}")
    @MethodSource("cases")
    void readsTheSampleExactly(String format, String packing, String location) throws Exception {
        byte[] plain = SampleFiles.bytes(format, dir);
        byte[] bytes = switch (packing) {
            case "gzip" -> SampleFiles.gzip(plain);
            case "zip" -> SampleFiles.zip(format, plain);
            default -> plain;
        };
        String name = "sample-" + format + "-" + packing + (packing.equals("plain") ? "" : "." + packing);
        ObjectNode config = switch (location) {
            case "local" -> Configs.local("sample", format, Files.write(dir.resolve(name), bytes).toString());
            case "http" -> Configs.https("sample", format, http.serve("/data/" + name, bytes) + "?token=abc");
            default -> {
                s3.put(BUCKET, "in/" + name, bytes);
                yield Configs.s3("sample", format, "s3://" + BUCKET + "/in/" + name, s3);
            }
        };

        Reads.Result result = Reads.discoverAndRead(new FileSource(), config);

        RowSchema schema = RowSchema.of(result.stream().jsonSchema());
        assertThat(result.stream().name()).isEqualTo("sample");
        assertThat(schema.columns()).extracting(RowSchema.Column::name).containsExactlyElementsOf(SampleFiles.COLUMNS);
        assertThat(schema.columns()).extracting(RowSchema.Column::type).containsExactlyElementsOf(SampleFiles.TYPES);
        assertThat(result.rows()).containsExactlyElementsOf(SampleFiles.ROWS);
    }
}
