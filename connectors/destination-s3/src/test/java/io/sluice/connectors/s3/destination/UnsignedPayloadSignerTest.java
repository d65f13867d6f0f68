package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class UnsignedPayloadSignerTest {
    private static final byte[] BODY = "some part bytes".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);

    private final AwsV4HttpSigner sdk = AwsV4HttpSigner.create();
    private final UnsignedPayloadSigner signer = new UnsignedPayloadSigner(sdk);

    @Test
    void overHttpThePayloadIsNotHashedAndTheRequestStaysHttp() throws IOException {
        SignedRequest signed = signer.sign(request("http", 9000));

        SdkHttpRequest out = signed.request();
        assertThat(out.protocol()).isEqualTo("http");
        assertThat(out.port()).isEqualTo(9000);
        assertThat(out.firstMatchingHeader("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");
        assertThat(out.firstMatchingHeader("Host")).contains("127.0.0.1:9000");
        assertThat(out.firstMatchingHeader("Content-Encoding")).isEmpty();
        assertThat(out.firstMatchingHeader("Authorization").orElseThrow())
                .startsWith("AWS4-HMAC-SHA256 Credential=AKID/20261125/us-east-1/s3/aws4_request");
        assertThat(signed.payload().orElseThrow().newStream().readAllBytes()).isEqualTo(BODY);
    }

    @Test
    void theSignatureIsTheOneAnHttpsRequestWithoutPayloadSigningGets() {
        SignedRequest http = signer.sign(request("http", 9000));
        SignRequest<AwsCredentialsIdentity> https = request("https", 9000).copy(r -> r
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        SignedRequest expected = sdk.sign(https);

        assertThat(http.request().firstMatchingHeader("Authorization"))
                .isEqualTo(expected.request().firstMatchingHeader("Authorization"));
    }

    @Test
    void theDefaultHttpPortIsLeftOutOfTheHostHeader() {
        SdkHttpRequest out = signer.sign(request("http", 80)).request();

        assertThat(out.protocol()).isEqualTo("http");
        assertThat(out.port()).isEqualTo(80);
        assertThat(out.firstMatchingHeader("Host")).contains("127.0.0.1");
    }

    @Test
    void httpsRequestsAreSignedAsTheSdkSignsThem() {
        SignedRequest ours = signer.sign(request("https", 443));
        SignedRequest theirs = sdk.sign(request("https", 443));

        assertThat(ours.request().headers()).isEqualTo(theirs.request().headers());
        assertThat(ours.request().firstMatchingHeader("x-amz-content-sha256").orElseThrow())
                .isNotEqualTo("UNSIGNED-PAYLOAD");
    }

    private static SignRequest<AwsCredentialsIdentity> request(String protocol, int port) {
        SdkHttpRequest http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.PUT)
                .protocol(protocol)
                .host("127.0.0.1")
                .port(port)
                .encodedPath("/bucket/some/key.parquet")
                .putRawQueryParameter("partNumber", "1")
                .putHeader("Content-Length", String.valueOf(BODY.length))
                .build();
        return SignRequest.builder(AwsCredentialsIdentity.create("AKID", "secret"))
                .request(http)
                .payload(ContentStreamProvider.fromInputStreamSupplier(() -> new ByteArrayInputStream(BODY)))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK)
                .build();
    }
}
