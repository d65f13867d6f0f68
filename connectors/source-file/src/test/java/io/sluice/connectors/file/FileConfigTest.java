package io.sluice.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.Secret;
import io.sluice.cdk.Secrets;
import io.sluice.connectors.files.FileFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileConfigTest {

    @Test
    void theSeedsConfigParsesWithDefaults() {
        FileConfig config = FileConfig.from(Configs.https("sales_data", "csv", "https://storage.example.com/sales.csv"));

        assertThat(config.datasetName()).isEqualTo("sales_data");
        assertThat(config.storage()).isEqualTo(FileConfig.Storage.HTTPS);
        assertThat(config.readOptions().format()).isEqualTo(FileFormat.CSV);
        assertThat(config.readOptions().csv().delimiter()).isEqualTo(',');
        assertThat(config.readOptions().csv().headerRow()).isZero();
        assertThat(config.sampleRows()).isEqualTo(FileSpec.DEFAULT_SAMPLE_ROWS);
    }

    @Test
    void tsvIsTabSeparatedAndReaderOptionsOverride() {
        ObjectNode json = Configs.local("t", "tsv", "/data/t.tsv");
        assertThat(FileConfig.from(json).readOptions().csv().delimiter()).isEqualTo('\t');

        json.put("reader_options", "{\"delimiter\": \";\", \"encoding\": \"latin-1\", \"header\": null}");
        FileConfig config = FileConfig.from(json);
        assertThat(config.readOptions().csv().delimiter()).isEqualTo(';');
        assertThat(config.readOptions().csv().encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(config.readOptions().csv().hasHeader()).isFalse();
    }

    @Test
    void problemsNameTheirFields() {
        ObjectNode noName = Configs.local("x", "csv", "/a.csv");
        noName.remove("dataset_name");
        ObjectNode s3WithHttpUrl = Configs.local("x", "csv", "https://host/a.csv");
        s3WithHttpUrl.putObject("provider").put("storage", "S3");
        ObjectNode header = Configs.local("x", "csv", "/a.csv").put("reader_options", "{\"header\": -1}");

        assertThat(FileConfig.validate(noName)).extracting(ConfigError::field).contains("dataset_name");
        assertThat(FileConfig.validate(s3WithHttpUrl)).extracting(ConfigError::toString)
                .containsExactly("url must be s3://bucket/key for provider.storage S3");
        assertThat(FileConfig.validate(header)).extracting(ConfigError::field).containsExactly("reader_options.header");
        assertThat(FileConfig.validate(Configs.local("x", "feather", "/a.f"))).extracting(ConfigError::field)
                .containsExactly("format");
    }

    @Test
    void theSecretKeyIsMaskedAndNeverPrinted() {
        ObjectNode json = Configs.local("x", "csv", "s3://b/k");
        json.putObject("provider").put("storage", "S3").put("aws_access_key_id", "AKIA")
                .put("aws_secret_access_key", "very-secret");

        JsonNode masked = Secrets.mask(FileSpec.schema(), json);
        FileConfig config = FileConfig.from(json);

        assertThat(masked.path("provider").path("aws_secret_access_key").asText()).isEqualTo(Secret.MASK);
        assertThat(config.toString()).doesNotContain("very-secret");
    }
}
