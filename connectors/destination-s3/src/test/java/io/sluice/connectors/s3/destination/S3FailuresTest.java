package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The wording of S3 failures, for answers S3Proxy cannot be made to give (access denied, wrong region, 5xx). */
class S3FailuresTest {
    private static final String SECRET = "aws-secret-Zq81";
    private static final String KEY_ID = "AKIAEXAMPLE123";

    private final S3Failures failures = new S3Failures(S3Config.from(config()));

    private static ObjectNode config() {
        ObjectNode config = JsonNodeFactory.instance.objectNode()
                .put("s3_bucket_name", "lake").put("s3_bucket_path", "raw").put("s3_bucket_region", "eu-west-1")
                .put("access_key_id", KEY_ID).put("secret_access_key", SECRET);
        config.putObject("format").put("format_type", "JSONL");
        return config;
    }

    private static S3Exception service(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void accessDeniedNamesTheKeysAndTheAction() {
        ConnectorException e = failures.of("write s3://lake/raw/x", service(403, "AccessDenied", "Access Denied"));
        assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(e.getMessage()).isEqualTo("access denied: the credentials in access_key_id / secret_access_key may "
                + "not write s3://lake/raw/x (AWS region eu-west-1)");
    }

    @Test
    void aBucketInAnotherRegionNamesTheRegionField() {
        assertThat(failures.of("list", service(301, "PermanentRedirect", "moved")).getMessage())
                .startsWith("s3_bucket_region: ");
        assertThat(failures.of("list", service(400, "AuthorizationHeaderMalformed", "region")).getMessage())
                .startsWith("s3_bucket_region: ");
    }

    @Test
    void serverTroubleIsTransientAndOtherRefusalsAreSystemErrors() {
        assertThat(failures.of("upload part 3 of s3://lake/raw/x", service(503, "SlowDown", "slow down")).kind())
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(failures.of("upload", service(500, "InternalError", "oops")).kind()).isEqualTo(FailureKind.TRANSIENT);
        ConnectorException refused = failures.of("complete the upload", service(400, "EntityTooSmall", "small"));
        assertThat(refused.kind()).isEqualTo(FailureKind.SYSTEM);
        assertThat(refused.getMessage()).isEqualTo("S3 refused to complete the upload (EntityTooSmall, HTTP 400)");
    }

    @Test
    void networkTroubleNamesTheEndpoint() {
        ConnectorException unknown = failures.of("list", SdkClientException.create("no host",
                new UnknownHostException("s3.eu-west-1.amazonaws.com")));
        assertThat(unknown.kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(unknown.getMessage()).startsWith("s3_endpoint: cannot reach AWS region eu-west-1");
        ConnectorException refused = failures.of("list", SdkClientException.create("refused",
                new ConnectException("Connection refused")));
        assertThat(refused.kind()).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void secretsNeverLeaveThroughMessagesOrCauses() {
        String leaky = "signature mismatch for " + KEY_ID + " with " + SECRET;
        for (ConnectorException e : new ConnectorException[] {
                failures.of("list", service(403, "SignatureDoesNotMatch", leaky)),
                failures.of("list", service(418, "Teapot", leaky)),
                failures.of("list", SdkClientException.create(leaky))}) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET).doesNotContain(KEY_ID);
            }
        }
    }
}
