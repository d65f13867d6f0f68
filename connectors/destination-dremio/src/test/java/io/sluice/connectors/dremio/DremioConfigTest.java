package io.sluice.connectors.dremio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.protocol.DestinationSyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class DremioConfigTest {

    /** The seed's Dremio settings plus an S3 staging area; ports are the defaults. */
    static ObjectNode minimal() {
        return JsonNodeFactory.instance.objectNode()
                .put("host", "127.0.0.1")
                .put("username", "dremio_user")
                .put("password", "s3cret-Dremio-77")
                .put("project", "AirbyteData")
                .put("dataset", "production_public")
                .put("s3_bucket_name", "datalake")
                .put("s3_bucket_path", "/airbyte-data/")
                .put("s3_endpoint", "http://minio:9000")
                .put("access_key_id", "minio")
                .put("secret_access_key", "minio-secret-key");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void defaultsAreTheSeedsPorts() {
        DremioConfig config = DremioConfig.from(minimal());
        assertThat(config.flightPort()).isEqualTo(32010);
        assertThat(config.restPort()).isEqualTo(9047);
        assertThat(config.ssl()).isFalse();
        assertThat(config.viewSql()).isEmpty();
        assertThat(config.password().toString()).doesNotContain("s3cret");
    }

    @Test
    void stagingIsDestinationS3sConfigForTheDatasetFolder() {
        ObjectNode staging = DremioConfig.from(minimal()).staging();

        assertThat(staging.get("s3_bucket_name").asText()).isEqualTo("datalake");
        assertThat(staging.get("s3_bucket_path").asText()).isEqualTo("airbyte-data/production_public");
        assertThat(staging.get("s3_path_format").asText()).isEqualTo("${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_");
        assertThat(staging.get("s3_endpoint").asText()).isEqualTo("http://minio:9000");
        assertThat(staging.get("access_key_id").asText()).isEqualTo("minio");
        assertThat(staging.get("secret_access_key").asText()).isEqualTo("minio-secret-key");
        assertThat(staging.at("/format/format_type").asText()).isEqualTo("Parquet");
        assertThat(staging.has("password")).isFalse();
    }

    @Test
    void aStreamsTableIsSourceBucketPathDatasetStream() {
        DremioConfig config = DremioConfig.from(minimal());

        assertThat(config.tablePath("customers"))
                .containsExactly("AirbyteData", "datalake", "airbyte-data", "production_public", "customers");
        assertThat(TablePublisher.sql(config.tablePath("customers")))
                .isEqualTo("\"AirbyteData\".\"datalake\".\"airbyte-data\".\"production_public\".\"customers\"");
    }

    @Test
    void refreshIsForcedOnlyForOverwrite() {
        List<String> path = List.of("src", "we\"ird");
        assertThat(TablePublisher.refreshStatement(path, DestinationSyncMode.OVERWRITE))
                .isEqualTo("ALTER TABLE \"src\".\"we\"\"ird\" REFRESH METADATA FORCE UPDATE");
        assertThat(TablePublisher.refreshStatement(path, DestinationSyncMode.APPEND))
                .isEqualTo("ALTER TABLE \"src\".\"we\"\"ird\" REFRESH METADATA");
    }

    @Test
    void problemsNameTheirFields() {
        ObjectNode config = minimal();
        config.remove("project");
        config.put("port", 70000).put("dataset", "a/b");
        config.remove("secret_access_key");

        assertThat(DremioConfig.validate(config)).extracting(ConfigError::field)
                .contains("project", "port", "dataset", "secret_access_key");
        assertThatThrownBy(() -> DremioConfig.from(config)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("project").hasMessageNotContaining("s3cret-Dremio-77");
    }

    @Test
    void theSpecMarksThePasswordAndKeysSecret() {
        ObjectNode schema = DremioSpec.schema();
        for (String field : List.of("password", "access_key_id", "secret_access_key")) {
            assertThat(schema.at("/properties/" + field + "/airbyte_secret").asBoolean()).as(field).isTrue();
        }
    }
}
