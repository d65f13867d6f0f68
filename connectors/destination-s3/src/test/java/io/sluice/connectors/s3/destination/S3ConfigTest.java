package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.Secrets;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

class S3ConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A config as Airbyte's S3 destination takes it, with the seed's MinIO settings. */
    private static ObjectNode airbyteConfig() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"s3_bucket_name": "lake", "s3_bucket_path": "/raw/", "s3_bucket_region": "us-east-1",
                 "s3_endpoint": "http://minio:9000", "access_key_id": "minio-key", "secret_access_key": "minio-secret",
                 "s3_path_format": "${NAMESPACE}/${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_",
                 "format": {"format_type": "Parquet", "compression_codec": "ZSTD", "block_size_mb": 64,
                            "page_size_kb": 512, "max_padding_size_mb": 4, "dictionary_encoding": false}}""");
    }

    @Test
    void anAirbyteConfigReadsWithItsValues() throws Exception {
        S3Config config = S3Config.from(airbyteConfig());

        assertThat(config.bucket()).isEqualTo("lake");
        assertThat(config.bucketPath()).isEqualTo("raw");
        assertThat(config.endpoint()).contains(URI.create("http://minio:9000"));
        assertThat(config.credentials()).hasValueSatisfying(k -> {
            assertThat(k.accessKeyId().reveal()).isEqualTo("minio-key");
            assertThat(k.secretAccessKey().reveal()).isEqualTo("minio-secret");
            assertThat(k.toString()).doesNotContain("minio-key", "minio-secret");
        });
        assertThat(config.format()).isEqualTo(new OutputFormat.Parquet(CompressionCodecName.ZSTD, 64L << 20, 512 << 10,
                1024 << 10, 4 << 20, false));
        assertThat(config.fileSizeBytes()).isEqualTo(256L << 20);
    }

    @Test
    void defaultsFillWhatIsLeftOut() {
        ObjectNode minimal = JSON.createObjectNode().put("s3_bucket_name", "lake").put("s3_bucket_path", "");
        minimal.putObject("format").put("format_type", "CSV");
        S3Config config = S3Config.from(minimal);

        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.credentials()).isEmpty();
        assertThat(config.pathFormat()).isEqualTo(ObjectKeys.DEFAULT_PATH_FORMAT);
        assertThat(config.format()).isEqualTo(new OutputFormat.Csv(false, false));
        assertThat(config.format().extension()).isEqualTo(".csv");
    }

    @Test
    void everyBadFieldIsNamed() throws Exception {
        ObjectNode config = airbyteConfig();
        config.remove("s3_bucket_name");
        config.put("s3_endpoint", "minio:9000");
        config.put("s3_path_format", "${STREAM_NAME}/${WEEK}/");
        config.put("file_name_pattern", "{part}");
        config.put("file_size_mb", 0);
        ((ObjectNode) config.get("format")).put("compression_codec", "LZO");

        assertThat(S3Config.validate(config)).extracting(ConfigError::field).containsExactlyInAnyOrder(
                "s3_bucket_name", "s3_endpoint", "file_size_mb", "format.compression_codec", "s3_path_format",
                "file_name_pattern");
    }

    @Test
    void anUnknownFormatTypeListsTheChoices() throws Exception {
        ObjectNode config = airbyteConfig();
        config.putObject("format").put("format_type", "Avro");

        assertThat(S3Config.validate(config)).containsExactly(
                new ConfigError("format.format_type", "must be one of: Parquet, CSV, JSONL"));
    }

    @Test
    void aCsvOptionIsCheckedInsideItsFormat() throws Exception {
        ObjectNode config = airbyteConfig();
        config.putObject("format").put("format_type", "CSV").putObject("compression").put("compression_type", "ZIP");

        assertThat(S3Config.validate(config)).extracting(ConfigError::field)
                .containsExactly("format.compression.compression_type");
    }

    @Test
    void aKeyWithoutItsSecretIsRefusedWithoutShowingEither() throws Exception {
        ObjectNode config = airbyteConfig();
        config.remove("secret_access_key");

        List<ConfigError> problems = S3Config.validate(config);
        assertThat(problems).extracting(ConfigError::field).containsExactly("secret_access_key");
        assertThatThrownBy(() -> S3Config.from(config))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining("secret_access_key")
                .hasMessageNotContaining("minio-key");
    }

    @Test
    void theSpecMarksBothKeysSecret() {
        assertThat(Secrets.secretPaths(S3Spec.schema())).containsExactlyInAnyOrder("access_key_id", "secret_access_key");
    }

    @Test
    void theSpecDefaultsMatchTheCode() {
        JsonNode properties = S3Spec.schema().get("properties");
        assertThat(properties.at("/s3_path_format/default").asText()).isEqualTo(ObjectKeys.DEFAULT_PATH_FORMAT);
        assertThat(properties.at("/file_size_mb/default").asLong()).isEqualTo(S3Config.DEFAULT_FILE_SIZE_MB);
        assertThat(properties.at("/s3_bucket_region/default").asText()).isEqualTo(S3Config.DEFAULT_REGION);
        assertThat(Optional.ofNullable(properties.at("/format/oneOf/0/properties/compression_codec/default").asText()))
                .contains("SNAPPY");
    }
}
