package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.testkit.DestinationContractTest;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.DestinationSyncMode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** check() in plain words naming the field, and no secret in any message. */
class CheckIT {
    private static final String WRONG_SECRET = "wrong-secret-5u9Tq";
    private static S3Fixture s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Fixture.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void aGoodConfigPassesAndLeavesNothingBehind() {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY"));
        assertThat(new S3Destination().check(config).status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
        assertThat(s3.keys(config.get("s3_bucket_path").asText())).isEmpty();
        assertThat(s3.openUploads()).isZero();
    }

    @Test
    void aMissingBucketIsNamed() {
        assertThat(failure(s3.config(S3Fixture.parquet("SNAPPY")).put("s3_bucket_name", "no-such-bucket")))
                .startsWith("s3_bucket_name: the bucket 'no-such-bucket' does not exist");
    }

    @Test
    void anUnknownAccessKeyIsNamed() {
        assertThat(failure(s3.config(S3Fixture.parquet("SNAPPY")).put("access_key_id", "someone-else")))
                .startsWith("access_key_id: ").doesNotContain("someone-else");
    }

    @Test
    void aWrongSecretIsNamedButNotShown() {
        String message = failure(s3.config(S3Fixture.parquet("SNAPPY")).put("secret_access_key", WRONG_SECRET));
        assertThat(message).startsWith("secret_access_key: does not match").doesNotContain(WRONG_SECRET)
                .doesNotContain(S3Fixture.ACCESS_KEY);
    }

    @Test
    void anUnreachableEndpointIsNamed() {
        String endpoint = "http://127.0.0.1:" + S3DestinationContractIT.freePort();
        assertThat(failure(s3.config(S3Fixture.parquet("SNAPPY")).put("s3_endpoint", endpoint)))
                .startsWith("s3_endpoint: cannot reach the endpoint " + endpoint + ": connection refused");
    }

    @Test
    void anUnknownHostIsNamed() {
        assertThat(failure(s3.config(S3Fixture.parquet("SNAPPY")).put("s3_endpoint", "http://no-such-host.invalid:9000")))
                .startsWith("s3_endpoint: cannot reach the endpoint http://no-such-host.invalid:9000: the host name is unknown");
    }

    @Test
    void anInvalidConfigListsItsFieldsWithoutSecrets() {
        ObjectNode config = s3.config(S3Fixture.parquet("BROTLI")).put("secret_access_key", WRONG_SECRET);
        config.remove("s3_bucket_path");
        assertThat(failure(config)).contains("s3_bucket_path is required").contains("format.compression_codec")
                .doesNotContain(WRONG_SECRET).doesNotContain(S3Fixture.ACCESS_KEY);
    }

    @Test
    void aWriteWithAWrongSecretFailsAsAConfigErrorWithoutTheSecret() {
        ObjectNode config = s3.config(S3Fixture.parquet("SNAPPY")).put("secret_access_key", WRONG_SECRET);
        assertThatThrownBy(() -> new S3Destination().write(config,
                DestinationContractTest.catalog(DestinationSyncMode.APPEND),
                new ListRecordInput(List.of(ListRecordInput.rows(0, DestinationContractTest.item(1, "a", 1)))),
                new RecordingAcknowledger()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).startsWith("secret_access_key: ");
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(WRONG_SECRET);
                    }
                });
    }

    private static String failure(ObjectNode config) {
        ConnectionStatus status = new S3Destination().check(config);
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        return status.message().orElseThrow();
    }
}
